load style
set output "weighting.png"
set title "GloVe's weighting f(x) = min(1, (x / x_{max})^{α}) of a co-occurrence count x"
set xlabel "co-occurrence count x (sum of 1/d over the pairs)"
set ylabel "weight f(x) of the pair's squared error"
set xrange [0:150]
set yrange [0:1.08]
set key bottom right
plot "weighting.dat" using 1:2 with lines ls 1 lw 2 title "α = 3/4, x_{max} = 10", \
     "" using 1:3 with lines ls 2 lw 2 title "α = 3/4, x_{max} = 100", \
     "" using 1:4 with lines ls 1 lw 2 dt 2 title "α = 1 (linear), x_{max} = 10", \
     "" using 1:5 with lines ls 2 lw 2 dt 2 title "α = 1 (linear), x_{max} = 100"
