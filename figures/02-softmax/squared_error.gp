load style
set output "squared_error.png"
set title "Two classes: how hard each loss pushes the logit of the true class"
set xlabel "probability the model gives the true class"
set ylabel "|dL / d(a_{true} - a_{other})|"
set xrange [0:1]
set yrange [0:1.05]
set key top right
set arrow 1 from 0.12, 0.5 to 0.03, 0.12 lw 1.5 lc rgb "#555555"
set label 1 "confidently wrong:\nsquared error barely moves" at 0.13, 0.55 left
plot "squared_error.dat" using 1:2 with lines ls 3 title "cross-entropy, 1 - p", \
     "" using 1:3 with lines ls 4 title "squared error, 2p(1 - p)^2"
