load style
set output "samplers.png"
set terminal pngcairo size 1200,420
set style fill solid 0.5 noborder
set key top right box opaque
set multiplot layout 1,3 title "100,000 draws from each sampler against its law" font ",12"
set title "exponential, rate 1 (mc\\_exponential)"
set xlabel "x"
set ylabel "density"
set xrange [0:6]
plot "samplers.dat" index 0 using 1:2:(0.15) with boxes lc rgb "#1f77b4" title "histogram", \
     exp(-x) with lines ls 4 title "e^{-x}"
set title "standard normal (mc\\_normal)"
set xrange [-4:4]
set yrange [0:0.55]
set key top left
unset ylabel
plot "samplers.dat" index 1 using 1:2:(0.2) with boxes lc rgb "#1f77b4" title "histogram", \
     exp(-x**2 / 2) / sqrt(2 * pi) with lines ls 4 title "e^{-x^2/2} / {/Symbol \326}(2{/Symbol p})"
set title "Poisson, mean 4 (mc\\_poisson)"
set xrange [-0.7:15.7]
set xlabel "k"
set ylabel "probability"
set xtics 2
set yrange [0:0.26]
set key top right
plot "samplers.dat" index 2 using 1:2:(0.7) with boxes lc rgb "#1f77b4" title "fraction of draws", \
     "" index 2 using 1:3 with points pt 7 ps 0.9 lc rgb "#ff7f0e" title "P(X = k)"
unset multiplot
