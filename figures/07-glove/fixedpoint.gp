load style
set output "fixedpoint.png"
set title "Cosine of two unit vectors (d = 50) computed in fixed point"
set xlabel "fractional bits"
set ylabel "mean |fixed-point cosine - cosine|"
set logscale y
set format y "10^{%L}"
set xrange [3.5:20.5]
set xtics 2
set key bottom left
plot "fixedpoint.dat" using 1:2 with linespoints ls 2 title "clipped to [0, 1], truncated: random vectors", \
     "" using 1:4 with linespoints ls 2 pt 4 dt 2 title "clipped to [0, 1], truncated: word pairs", \
     "" using 1:3 with linespoints ls 1 title "signed, rounded: random vectors", \
     "" using 1:5 with linespoints ls 1 pt 6 dt 2 title "signed, rounded: word pairs"
