load style
set output "autoencoder.png"
set terminal pngcairo size 900,420
set multiplot layout 1,2 title "Linear autoencoder, k = 4, on the digits (gradient descent, learning rate 0.5)"
set xlabel "epoch (full-batch gradient step)"
set logscale xy
set format x "10^{%L}"
set format y "10^{%L}"
set ylabel "loss - loss of the PCA optimum"
set key bottom left
plot "ae_loss.dat" using ($1 > 0 ? $1 : 1/0):2 with lines ls 1 title "excess loss"
set ylabel "largest principal angle to PCA (radians)"
set yrange [1e-4:3]
set key top right
plot "ae_angles.dat" using 1:2 with linespoints ls 2 title "rows of W_{enc}", \
     "" using 1:3 with linespoints ls 5 pt 7 title "W_{enc}, constant pixels removed", \
     "" using 1:4 with linespoints ls 3 pt 7 title "columns of W_{dec}"
unset multiplot
