load style
set output "classify.png"
set title "Softmax regression on k PCA features: accuracy on 450 held-out digits"
set xlabel "number of principal components k"
set ylabel "test accuracy (fraction correct)"
set yrange [0:1]
set key bottom right
plot "classify.dat" using 1:2 with linespoints ls 1 title "softmax on k standardised codes"
