load style
set output "sse_surface.png"
set terminal pngcairo size 800,600
set title "log_{10} SSE over (slope, intercept), and gradient descent's path"
set xlabel "slope (s per unit of dilation)"
set ylabel "intercept (s)"
set xrange [0:200]
set yrange [-50:100]
set cblabel "log_{10} SSE"
set palette defined (0 "#313695", 1 "#4575b4", 2 "#abd9e9", 3 "#ffffbf", 4 "#fdae61", 5 "#d73027")
set key top right box opaque
set contour base
set cntrparam levels incremental 2.9, 0.2, 6
set view map
unset surface
set table "sse_contours.tmp"
splot "sse_surface.dat" using 1:2:3 with lines
unset table
unset contour
plot "sse_surface.dat" using 1:2:3 with image notitle, \
     "sse_contours.tmp" using 1:2 with lines lc rgb "#555555" lw 0.7 notitle, \
     "descent_path.dat" every ::0::2000 using 2:3 with lines lc rgb "black" lw 2 \
        title "descent from (0, 0), rate 0.5", \
     "descent_path.dat" every 10::0::200 using 2:3 with points pt 7 ps 0.6 lc rgb "black" notitle, \
     "minimum.dat" using 1:2 with points pt 7 ps 2 lc rgb "#ff00ff" \
        title "closed-form minimum"
