load style
set output "ball.png"
set logscale y
set format y "10^{%L}"
set xrange [1.7:12.3]
set yrange [1e-6:3]
set xtics 1
set xlabel "dimension d"
set ylabel "relative error of the volume"
set key top left box opaque font ",10"
set title "Volume of the unit d-ball from 1,000,000 points of the cube [-1, 1]^d"
plot "ball.dat" using 1:4 with linespoints ls 2 title "grid of m^d {/Symbol \243} 10^6 cell centres", \
     "" using 1:2 with linespoints ls 1 title "Monte Carlo", \
     "" using 1:3 with lines lc rgb "#1f77b4" dt 2 lw 1.2 title "Monte Carlo, one standard error", \
     "" using 1:5 with linespoints pt 9 ps 1.1 lc rgb "#2ca02c" lw 2 title "Halton points"
