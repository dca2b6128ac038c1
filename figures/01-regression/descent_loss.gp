load style
set output "descent_loss.png"
set title "MSE after each step of gradient descent, for three learning rates"
set xlabel "step"
set ylabel "MSE (log scale)"
set logscale y
set format y "10^{%T}"
set xrange [0:3000]
set yrange [30:1e8]
set key top left
plot "descent_loss.dat" using 1:2 with lines ls 5 title "rate 0.05", \
     "descent_loss.dat" using 1:3 with lines ls 3 title "rate 0.5", \
     "descent_loss.dat" using 1:4 with lines ls 4 title "rate 0.712 (above 2/L = 0.7114)"
