load style
set output "chernoff.png"
set logscale y
set format y "10^{%L}"
set ytics 1e4
set mytics 1
set xrange [50:100]
set yrange [1e-32:3]
set xlabel "k (heads out of 100 fair coins)"
set ylabel "P(S {/Symbol \263} k)"
set key bottom left box opaque
set title "P(S {/Symbol \263} k) for S heads in 100 fair coin flips, and three bounds on it"
plot "chernoff.dat" using 1:4 with lines ls 4 title "Hoeffding exp(-2n(k/n - 1/2)^2)", \
     "" using 1:3 with lines ls 3 title "Chernoff exp(-n D(k/n || 1/2))", \
     "" using 1:5 with lines ls 5 title "Chebyshev (n/4)/(k - n/2)^2", \
     "" using 1:2 with points pt 7 ps 0.6 lc rgb "#222222" title "exact"
