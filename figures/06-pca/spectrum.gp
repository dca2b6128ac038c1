load style
set output "spectrum.png"
set title "PCA of the 1797 digits: variance along each principal component"
set xlabel "component i"
set ylabel "variance sigma_i^2 / (n - 1)  (pixel intensity^2)"
set y2label "cumulative explained variance"
set logscale y
set format y "10^{%L}"
set yrange [1e-4:1000]
set y2range [0:1.05]
set y2tics 0.2 nomirror
set xrange [0:65]
set key at graph 0.08, graph 0.2 left
plot "spectrum.dat" using 1:($2 > 0 ? $2 : 1/0) with linespoints ls 1 ps 0.6 title "variance (3 components of variance 0 not drawn)", \
     "" using 1:4 axes x1y2 with lines ls 4 title "cumulative explained variance (right axis)"
