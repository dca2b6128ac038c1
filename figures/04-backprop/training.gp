load style
set output "training.png"
set title "A 64-256-10 ReLU network on the digits"
set xlabel "epoch"
set ylabel "training loss (with the l2 term)"
set y2label "accuracy"
set ytics nomirror
set y2tics
set y2range [85:100]
set yrange [0:2.4]
set format y2 "%.0f%%"
set key center right
plot "training.dat" using 1:2 with lines ls 5 title "training loss", \
     "" using 1:($3 * 100) axes x1y2 with lines ls 3 title "training accuracy", \
     "" using 1:($4 * 100) axes x1y2 with lines ls 4 title "test accuracy"
