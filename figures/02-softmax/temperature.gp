load style
set output "temperature.png"
set title "softmax(B / T) for B = [10, -9, -1]"
set xlabel "temperature T (log scale)"
set ylabel "probability"
set logscale x
set xrange [0.1:1000]
set yrange [0:1.05]
set key center right
plot "temperature.dat" using 1:2 with lines ls 3 title "sunny (10)", \
     "" using 1:4 with lines ls 4 title "rainy (-1)", \
     "" using 1:3 with lines ls 5 title "cloudy (-9)", \
     1.0/3 with lines dt 2 lc rgb "#888888" title "uniform, 1/3"
