load style
set output "neg_log_p.png"
set title "The cross-entropy of a one-hot label is -log p(true class)"
set xlabel "probability the model gives the true class"
set ylabel "loss, -log p (nats)"
set xrange [0:1]
set yrange [0:5.5]
set key top right
plot "neg_log_p.dat" using 1:2 with lines ls 3 title "-log p"
