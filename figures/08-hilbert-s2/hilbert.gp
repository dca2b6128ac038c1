load style
set output "hilbert.png"
set terminal pngcairo size 900,620
unset key
unset border
unset tics
unset grid
set size ratio -1
set xrange [-0.02:1.02]
set yrange [-0.02:1.02]
set multiplot layout 2,3 title "Hilbert curves of orders 1 to 6: from (0, 0) to (2^n - 1, 0), each order four copies of the last" font ",12"
do for [n = 1:6] {
    set title sprintf("order %d: %d cells", n, 4**n)
    plot "hilbert.dat" index (n - 1) using 1:2 with lines lc rgb "#1f77b4" lw (n < 4 ? 2.5 : (n < 6 ? 1.6 : 1.2)), \
         "" index (n - 1) every ::0::0 using 1:2 with points pt 7 ps 0.9 lc rgb "#2ca02c", \
         "" index (n - 1) using 1:($3 == 4**n - 1 ? $2 : 1/0) with points pt 7 ps 0.9 lc rgb "#d62728", \
         "" index (n - 1) using 1:2:(n <= 2 ? sprintf("%d", $3) : "") with labels offset 0.9,0.7 font ",10"
}
unset multiplot
