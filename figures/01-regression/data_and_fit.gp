load style
set output "data_and_fit.png"
set title "Reading time against pupil dilation, with the least-squares line"
set xlabel "mean pupil dilation (a fraction)"
set ylabel "total reading time (s)"
set xrange [0.3:1.0]
set yrange [40:130]
plot "train.dat" using 1:2 with points ls 1 title "training data (14)", \
     "test.dat" using 1:2 with points ls 2 title "test data (4)", \
     "fit_line.dat" using 1:2 with lines ls 3 title "least-squares line"
