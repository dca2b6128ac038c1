load style
set output "pierror.png"
set logscale xy
set format x "10^{%L}"
set format y "10^{%L}"
set xrange [10:2e6]
set yrange [1e-6:1]
set xlabel "n (points)"
set ylabel "|estimate - {/Symbol p}|"
set key bottom left box opaque font ",10"
set title "Error of Monte Carlo {/Symbol p} (RMS over 64 seeds) and of the Halton points"
plot 1.6422 / sqrt(x) with lines lc rgb "#888888" dt 2 lw 1.2 title "1.64 / {/Symbol \326}n", \
     3 / x with lines lc rgb "#888888" dt 3 lw 1.2 title "3 / n", \
     "pierror.dat" index 0 using 1:2 with linespoints ls 1 title "plain", \
     "" index 0 using 1:3 with linespoints ls 2 title "antithetic", \
     "" index 0 using 1:4 with linespoints pt 9 ps 1.1 lc rgb "#2ca02c" lw 2 title "stratified, 4 points a cell", \
     "" index 1 using 1:2 with linespoints pt 13 ps 0.7 lc rgb "#9467bd" lw 1 title "Halton (one sequence)"
