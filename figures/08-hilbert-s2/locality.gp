load style
set output "locality.png"
set terminal pngcairo size 1100,430
set logscale xy
set xrange [0.8:1500]
set yrange [0.8:2e6]
set format y "10^{%L}"
set format x "10^{%L}"
set xlabel "distance in the plane (cells)"
set key bottom right box opaque font ",9" spacing 0.9
set multiplot layout 1,3 title "Order-10 grid (1024 x 1024): 2000 pairs picked along the curve, 2000 picked in the plane" font ",12"
files = "locality-hilbert.dat locality-zorder.dat locality-rowmajor.dat"
names = "Hilbert Z-order row-major"
do for [k = 1:3] {
    set title word(names, k)
    if (k == 1) { set ylabel "distance on the curve (positions)"; set key } else { unset ylabel; unset key }
    plot word(files, k) using 1:($3 == 1 ? $2 : 1/0) with points pt 7 ps 0.3 lc rgb "#ff7f0e" title "picked in the plane", \
         "" using 1:($3 == 0 ? $2 : 1/0) with points pt 7 ps 0.3 lc rgb "#1f77b4" title "picked along the curve", \
         x**2 / 6 with lines lc rgb "#444444" dt 2 lw 1.2 title "curve = plane^2 / 6"
}
unset multiplot
