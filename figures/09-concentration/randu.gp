load style
set output "randu.png"
set terminal pngcairo size 1100,480
set xrange [-5.6:9.6]
set yrange [0:1]
set xtics 1
unset key
set xlabel "9 u_k - 6 u_{k+1} + u_{k+2}  (across RANDU's planes)"
set multiplot layout 1,2 title "2000 triples (u_k, u_{k+1}, u_{k+2}) seen edge-on to RANDU's planes" font ",12"
set title "RANDU: every triple on one of 15 planes"
set ylabel "(17 u_k + 28 u_{k+1} + 15 u_{k+2}) / 60  (along them)"
plot "randu.dat" index 0 using 1:2 with points pt 7 ps 0.25 lc rgb "#d62728" notitle
set title "xoshiro256**: no planes"
unset ylabel
plot "randu.dat" index 1 using 1:2 with points pt 7 ps 0.25 lc rgb "#1f77b4" notitle
unset multiplot
