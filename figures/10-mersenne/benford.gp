load style
set output "benford.png"
set title "Leading digit of 2^n against Benford's law log_{10}(1 + 1/d)"
set xlabel "leading digit d"
set ylabel "share of the powers 2^0 ... 2^N"
set xrange [0.4:9.6]
set yrange [0:0.33]
set xtics 1
set key top right box opaque
set style fill solid 0.35 border -1
set boxwidth 0.6
plot "benford.dat" using 1:2 with boxes lc rgb "#1f77b4" title "log_{10}(1 + 1/d)", \
     "" using ($1 - 0.12):3 with points ls 2 title "2^n, n <= 10^4", \
     "" using ($1 + 0.12):4 with points pt 9 ps 1.3 lc rgb "#2ca02c" title "2^n, n <= 10^8"
