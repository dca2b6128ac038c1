load style
set output "activations.png"
set terminal pngcairo size 900,420
set multiplot layout 1,3 title "Activation functions (solid) and their derivatives (dashed)"
set xrange [-4:4]
set key top left
set xlabel "z"
set yrange [-1.1:2.1]
plot "activations.dat" using 1:2 with lines ls 3 title "relu", \
     "" using 1:3 with lines ls 3 dt 2 title "relu'"
plot "activations.dat" using 1:4 with lines ls 4 title "sigmoid", \
     "" using 1:5 with lines ls 4 dt 2 title "sigmoid'"
plot "activations.dat" using 1:6 with lines ls 5 title "tanh", \
     "" using 1:7 with lines ls 5 dt 2 title "tanh'"
unset multiplot
