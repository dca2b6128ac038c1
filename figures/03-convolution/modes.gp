load style
set output "modes.png"
set multiplot layout 4,1 title "A box of 12 samples averaged over 5 (k = 5): a dot for every output"
set xrange [-2.5:13.5]
set yrange [0:1.15]
set ytics 0.5
set xtics 1
set key off
set lmargin 10
set style fill solid 0.6 border -1
set boxwidth 0.8
set ylabel "signal"
plot "modes.dat" using 1:2 with boxes lc rgb "#7f7f7f", "" using 1:2 with points pt 7 ps 0.8 lc rgb "#7f7f7f"
set ylabel "valid (8)"
plot "modes.dat" using 1:3 with boxes lc rgb "#1f77b4", "" using 1:3 with points pt 7 ps 0.8 lc rgb "#1f77b4"
set ylabel "same (12)"
plot "modes.dat" using 1:4 with boxes lc rgb "#ff7f0e", "" using 1:4 with points pt 7 ps 0.8 lc rgb "#ff7f0e"
set ylabel "full (16)"
set xlabel "position of the kernel's centre over the signal"
plot "modes.dat" using 1:5 with boxes lc rgb "#2ca02c", "" using 1:5 with points pt 7 ps 0.8 lc rgb "#2ca02c"
unset multiplot
