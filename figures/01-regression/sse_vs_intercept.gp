load style
set output "sse_vs_intercept.png"
set title "Sum of squared errors as the intercept moves, for two fixed slopes"
set xlabel "intercept (s)"
set ylabel "SSE (s^2)"
set key top center
plot "sse_vs_intercept.dat" using 1:2 with lines ls 3 title "slope 75", \
     "sse_vs_intercept.dat" using 1:3 with lines ls 4 title "slope 200"
