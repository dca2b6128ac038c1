load style
set output "init.png"
set terminal pngcairo size 1000,440 enhanced font "DejaVu Sans,11" linewidth 1.5
set multiplot layout 1,2 title "A 64-256x7-10 network before training, on 256 digits"
set logscale y
set format y "10^{%L}"
set key bottom left box opaque font ",10"
set xtics 1
set style line 6 lc rgb "#8c564b" lw 2
set style line 7 lc rgb "#17becf" lw 2
set title "activations of each hidden layer"
set xlabel "hidden layer"
set ylabel "standard deviation of the activations"
set xrange [0.8:7.2]
set yrange [1e-7:3]
plot "init_activations.dat" using 1:2 with linespoints ls 4 pt 7 title "tanh, std 0.01", \
     "" using 1:3 with linespoints ls 6 pt 5 title "tanh, std 1", \
     "" using 1:4 with linespoints ls 3 pt 9 title "tanh, Xavier", \
     "" using 1:5 with linespoints ls 5 pt 11 title "ReLU, Xavier", \
     "" using 1:6 with linespoints ls 7 pt 13 title "ReLU, He"
set title "gradient of each layer's weights (same curves as left)"
set xlabel "layer (8 is the output layer)"
set ylabel "norm of dL/dW"
set xrange [0.8:8.2]
set yrange [1e-7:1e4]
unset key
plot "init_gradients.dat" using 1:2 with linespoints ls 4 pt 7 title "tanh, std 0.01", \
     "" using 1:3 with linespoints ls 6 pt 5 title "tanh, std 1", \
     "" using 1:4 with linespoints ls 3 pt 9 title "tanh, Xavier", \
     "" using 1:5 with linespoints ls 5 pt 11 title "ReLU, Xavier", \
     "" using 1:6 with linespoints ls 7 pt 13 title "ReLU, He"
unset multiplot
