load style
set output "warp.png"
set terminal pngcairo size 1000,480
set multiplot layout 1,2 title "F(x, y) = [x^2 + y, sin xy]: cells coloured by det J"
set view map
set pm3d map border lc rgb "#555555" lw 0.5
set style fill transparent solid 0.75
set palette defined (-1.5 "#2166ac", 0 "#f7f7f7", 1.5 "#e66101")
set cbrange [-1.5:1.5]
set cblabel "det J"
set key off
set title "the grid in the (x, y) plane"
set xlabel "x"
set ylabel "y"
set xrange [0.05:1.25]
set yrange [-0.05:1.35]
splot "warp.dat" using 1:2:(0):5 with pm3d, \
      "warp_fold.dat" using 1:2:(0) with lines lw 3 lc rgb "#000000"
set title "its image: (F_1, F_2)"
set xlabel "F_1 = x^2 + y"
set ylabel "F_2 = sin xy"
set xrange [0:2.8]
set yrange [0:1.05]
splot "warp.dat" using 3:4:(0):5 with pm3d, \
      "warp_fold.dat" using 3:4:(0) with lines lw 3 lc rgb "#000000"
unset multiplot
