load style
set output "circle.png"
set terminal pngcairo size 800,480
set title "A = [2, 1; 0.5, 1.5] maps the unit circle to an ellipse, semi-axes sigma_i u_i"
set xlabel "first coordinate"
set ylabel "second coordinate"
set size ratio -1
set xrange [-3:3]
set yrange [-2:2]
set key outside right top
plot "circle.dat" using 1:2 with lines ls 1 title "unit circle", \
     "" using 3:4 with lines ls 4 title "its image A x", \
     "axes.dat" using (0):(0):1:2 with vectors head filled ls 1 lw 2 title "v_1, v_2", \
     "" using (0):(0):3:4 with vectors head filled ls 4 lw 2 title "A v_i = sigma_i u_i"
