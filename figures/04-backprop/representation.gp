load style
set output "representation.png"
set terminal pngcairo size 640,600
set title "The 2-unit layer of a 64-32-2-10 network on the 360 test digits"
set xlabel "h1"
set ylabel "h2"
set xrange [-1.1:1.1]
set yrange [-1.1:1.1]
set key off
set cbrange [-0.5:9.5]
set cbtics 0,1,9
set palette maxcolors 10
set palette defined (0 "#1f77b4", 1 "#ff7f0e", 2 "#2ca02c", 3 "#d62728", 4 "#9467bd", \
    5 "#8c564b", 6 "#e377c2", 7 "#7f7f7f", 8 "#bcbd22", 9 "#17becf")
set cblabel "digit"
plot "representation.dat" using 1:2:3 with points pt 7 ps 0.8 lc palette, \
     "" every 9 using 1:2:(sprintf("%d", $3)) with labels font ",9" offset 0.8,0.6
