load style
set output "candidate_lines.png"
set title "Five lines through the origin over the training data, with their SSE"
set xlabel "mean pupil dilation (a fraction)"
set ylabel "total reading time (s)"
set xrange [0.3:1.0]
set yrange [0:210]
set key top left box opaque
set style line 6 lc rgb "#8c564b" lw 2
set style line 7 lc rgb "#17becf" lw 2
plot for [i=2:6] "candidate_lines.dat" using 1:i with lines ls i+1 title columnhead(i), \
     "train.dat" using 1:2 with points ls 1 title "training data (14)"
