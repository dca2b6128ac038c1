load style
set output "areas.png"
set title "Largest over smallest cell area at each level, exact spherical areas of every cell"
set xlabel "level"
set ylabel "max / min cell area"
set xrange [-0.3:12.6]
set yrange [0.8:5.8]
set xtics 1
set key at graph 0.98, graph 0.72 right
set label "3{/Symbol \326}3 = 5.196" at 12.5, 5.196 + 0.17 right textcolor rgb "#d62728"
set label "2.636 / (8{/Symbol \326}2/9) = 2.097" at 12.5, 2.097 + 0.17 right textcolor rgb "#1f77b4"
set label "{/Symbol \326}2 = 1.414" at 12.5, 1.414 - 0.17 right textcolor rgb "#2ca02c"
plot "areas.dat" using 1:2 with linespoints lc rgb "#d62728" pt 5 ps 0.9 lw 2 title "linear, u = 2s - 1", \
     "" using 1:4 with linespoints lc rgb "#1f77b4" pt 7 ps 0.9 lw 2 title "quadratic (S2), u = (4s^2 - 1)/3 for s {/Symbol \263} 1/2", \
     "" using 1:3 with linespoints lc rgb "#2ca02c" pt 9 ps 0.9 lw 2 title "tangent, u = tan({/Symbol p}s/2 - {/Symbol p}/4)", \
     3 * sqrt(3) with lines dt 2 lw 1 lc rgb "#d62728" notitle, \
     2.635799256963161491 / (8 * sqrt(2) / 9) with lines dt 2 lw 1 lc rgb "#1f77b4" notitle, \
     sqrt(2) with lines dt 2 lw 1 lc rgb "#2ca02c" notitle
