load style
set output "singular.png"
set terminal pngcairo size 700,600
set title "det J = (2x^2 - y) cos xy for F(x, y) = [x^2 + y, sin xy]"
set xlabel "x"
set ylabel "y"
set xrange [-2:2]
set yrange [-1:4]
set palette defined (-3 "#2166ac", 0 "#f7f7f7", 3 "#e66101")
set cbrange [-3:3]
set cblabel "det J (clipped to [-3, 3])"
set grid noxtics noytics
set key bottom right box opaque
plot "singular.dat" using 1:2:($3 > 3 ? 3 : $3 < -3 ? -3 : $3) with image notitle, \
     "singular_curves.dat" using 1:2 with lines lw 2 lc rgb "#000000" title "det J = 0", \
     "-" using 1:2 with points pt 7 ps 1.8 lc rgb "#2ca02c" title "(1, 2)"
1 2
e
