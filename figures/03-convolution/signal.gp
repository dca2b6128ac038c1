load style
set output "signal.png"
set title "f = [0,0,0,3,4,5,4,3,0,0] cross-correlated with three kernels ('same' mode)"
set xlabel "index i"
set ylabel "value"
set xrange [-0.5:9.5]
set yrange [0:6]
set xtics 1
set key top right
plot "shift.dat" using 1:2 with linespoints ls 1 lw 2 title "f", \
     "" using 1:3 with linespoints ls 2 dt 2 title "[1, 0, 0]: shifted right", \
     "" using 1:4 with linespoints lc rgb "#2ca02c" pt 9 dt 3 title "[0, 0, 1]: shifted left", \
     "" using 1:5 with linespoints lc rgb "#9467bd" pt 13 title "[0.8, 0.1, 0.1]: shifted and blurred"
