load style
set output "confusion.png"
set terminal pngcairo size 620,560
set title "Confusion matrix on the 360 test digits"
set xlabel "predicted digit"
set ylabel "true digit"
set xrange [-0.5:9.5]
set yrange [9.5:-0.5]
set xtics 0,1,9
set ytics 0,1,9
set cbrange [0:40]
set palette defined (0 "#ffffff", 1 "#9ecae1", 4 "#08519c")
unset key
set grid noxtics noytics
plot "confusion.dat" using 1:2:3 with image, \
     "" using 1:2:($3 > 0 ? sprintf("%d", $3) : "") with labels font ",10"
