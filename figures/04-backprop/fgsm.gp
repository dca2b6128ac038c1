load style
set output "fgsm.png"
set title "Test accuracy of the digit network under perturbations of size epsilon"
set xlabel "epsilon (pixels are in [0, 1])"
set ylabel "test accuracy"
set yrange [0:100]
set format y "%.0f%%"
set key bottom left
plot "fgsm.dat" using 1:($3 * 100) with linespoints ls 3 pt 7 title "random signs", \
     "" using 1:($2 * 100) with linespoints ls 2 lw 2 title "fast gradient sign method"
