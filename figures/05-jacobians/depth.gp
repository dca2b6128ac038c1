load style
set output "depth.png"
set title "Gradients through a deep tanh stack: width 128, weights drawn from N(0, g^2/128)"
set xlabel "depth L (layers between the input and the unit vector u)"
set ylabel "rms |J^T u|"
set logscale y
set format y "10^{%L}"
set key bottom left
plot "depth.dat" using 1:2 with linespoints ls 1 ps 0.6 title "g = 0.5", \
     "" using 1:3 with linespoints ls 3 ps 0.6 pt 7 title "g = 1", \
     "" using 1:4 with linespoints ls 4 ps 0.6 pt 7 title "g = 1.5", \
     "" using 1:5 with linespoints ls 2 ps 0.6 title "g = 3"
