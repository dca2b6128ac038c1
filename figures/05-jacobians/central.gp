load style
set output "central.png"
set title "Error of difference quotients of sin at x = 1"
set xlabel "step h"
set ylabel "|estimate - cos 1|"
set logscale xy
set format x "10^{%L}"
set format y "10^{%L}"
set xrange [1e-16:1]
set yrange [1e-13:10]
set key bottom right
plot "central.dat" using 1:3 with points ls 2 ps 0.5 title "forward difference, measured", \
     "" using 1:5 with lines ls 4 dt 2 title "forward model: eps |f| / h + h |f''| / 2", \
     "" using 1:2 with points ls 1 ps 0.5 title "central difference, measured", \
     "" using 1:4 with lines ls 3 dt 2 title "central model: eps |f| / h + h^2 |f'''| / 6", \
     "central_best.dat" using 1:2 with points pt 9 ps 2.5 lc rgb "#000000" title "h* = cbrt(3 eps |f| / |f'''|)"
