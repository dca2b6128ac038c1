load style
set output "xor.png"
set terminal pngcairo size 560,500
set title "XOR: p(class 1) of the trained 2-8-2 network"
set xlabel "x1"
set ylabel "x2"
set xrange [-0.25:1.25]
set yrange [-0.25:1.25]
set cbrange [0:1]
set palette defined (0 "#2166ac", 0.5 "#f7f7f7", 1 "#b2182b")
set key off
set grid noxtics noytics
plot "xor_grid.dat" using 1:2:3 with image, \
     "xor_points.dat" using 1:2:($3 == 1 ? 7 : 5) with points pt variable ps 2.5 lc rgb "#000000"
