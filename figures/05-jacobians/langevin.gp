load style
set output "langevin.png"
set terminal pngcairo size 720,600
set title "Langevin samples of a 3-component mixture, from its score alone"
set xlabel "x_1"
set ylabel "x_2"
set size ratio -1
set xrange [-3.5:2.5]
set yrange [-2.5:3]
set contour base
set cntrparam levels 6
unset surface
set view map
set table "mixture_contours.tmp"
splot "mixture.dat" using 1:2:3
unset table
unset contour
set key top left box opaque
plot "langevin.dat" using 1:2 with points pt 7 ps 0.3 lc rgb "#1f77b4" title "4000 samples (step 0.01)", \
     "mixture_contours.tmp" using 1:2 with lines lc rgb "#d95f02" lw 1.5 title "contours of p(x)"
