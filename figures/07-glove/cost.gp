load style
set output "cost.png"
set title "Training GloVe on Moby Dick, chapters 1-40 (x_{max} = 10, AdaGrad, η = 0.05)"
set xlabel "epoch (one pass over the 265,358 shuffled nonzeros)"
set ylabel "cost during the epoch: mean of 1/2 f(x) (error in ln x)^2,\neach record taken before its update"
set xrange [0:*]
set yrange [0:*]
set key top right
plot "cost.dat" using 1:2 with linespoints ls 1 ps 0.6 title "d = 50", \
     "" using 1:3 with linespoints ls 2 ps 0.6 title "d = 10"
