load style
set output "weather.png"
set title "Three ways to turn the scores into a distribution"
set ylabel "probability"
set yrange [0:1.05]
set style data histograms
set style histogram clustered gap 1.5
set style fill solid 0.85 border -1
set boxwidth 0.9
set xtics ("sunny" 0, "cloudy" 1, "rainy" 2)
set key top right
plot "weather.dat" using 2 lc rgb "#1f77b4" title "A = [101, 379, 44], divided by its sum", \
     "" using 3 lc rgb "#ff7f0e" title "|B| = |[10, -9, -1]|, divided by its sum", \
     "" using 4 lc rgb "#2ca02c" title "softmax(B)"
