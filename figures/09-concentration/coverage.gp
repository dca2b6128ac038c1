load style
set output "coverage.png"
set terminal pngcairo size 1100,450
set logscale x
set xrange [8:12500]
set xlabel "n (trials)"
set ylabel "fraction of intervals that hold p"
set key bottom right box opaque font ",10"
set samples 2
noise = 1.96 * sqrt(0.95 * 0.05 / 10000)
set multiplot layout 1,2 title "Measured coverage of three 95 % intervals, 10,000 experiments per point" font ",12"
set title "p = {/Symbol p}/4 (the hits of Monte Carlo {/Symbol p})"
set yrange [0.85:1.005]
plot "+" using 1:(0.95 - noise):(0.95 + noise) with filledcurves lc rgb "#dddddd" title "0.95 {/Symbol \261} sampling noise", \
     0.95 with lines lc rgb "#888888" dt 2 lw 1.2 title "95 %", \
     "coverage.dat" index 0 using 1:2 with linespoints ls 2 title "normal", \
     "" index 0 using 1:3 with linespoints ls 1 title "Wilson", \
     "" index 0 using 1:4 with linespoints pt 9 lc rgb "#2ca02c" lw 2 title "Hoeffding"
set title "p = 0.01 (a rare event)"
set yrange [0:1.02]
unset ylabel
plot "+" using 1:(0.95 - noise):(0.95 + noise) with filledcurves lc rgb "#dddddd" title "0.95 {/Symbol \261} sampling noise", \
     0.95 with lines lc rgb "#888888" dt 2 lw 1.2 title "95 %", \
     "coverage.dat" index 1 using 1:2 with linespoints ls 2 title "normal", \
     "" index 1 using 1:3 with linespoints ls 1 title "Wilson", \
     "" index 1 using 1:4 with linespoints pt 9 lc rgb "#2ca02c" lw 2 title "Hoeffding"
unset multiplot
