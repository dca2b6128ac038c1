load style
set output "multiply.png"
set terminal pngcairo size 1100,460
set multiplot layout 1,2
set title "Time of one product of two n-limb numbers (this machine)"
set logscale xy
set format x "10^{%L}"
set format y "10^{%L}"
set xlabel "n (64-bit limbs per operand)"
set ylabel "seconds per product"
set xrange [3:25000]
set yrange [1e-8:10]
set key top left box opaque font ",9"
plot "multiply.times" using 1:($2 > 0 ? $2 : 1/0) with linespoints ls 1 ps 0.6 title "schoolbook", \
     "" using 1:($3 > 0 ? $3 : 1/0) with linespoints ls 2 ps 0.6 title "Karatsuba (down to 32 limbs)", \
     "" using 1:($4 > 0 ? $4 : 1/0) with linespoints ls 3 pt 9 ps 0.7 title "FFT", \
     "" using 1:($5 > 0 ? $5 : 1/0) with lines ls 5 lw 1.5 dt 2 title "one Karatsuba step over schoolbook halves", \
     "multiply-cross.times" using 1:2 with points pt 6 ps 3 lw 2 lc rgb "#444444" title "crossovers", \
     "" every ::0::0 using 1:2:3 with labels left offset 1.5,-1 font ",9" notitle, \
     "" every ::1::1 using 1:2:3 with labels left offset 1.5,-1 font ",9" notitle
set title "FFT squaring: largest distance of an output to an integer"
unset logscale x
set format x "%g"
set xrange [32:64]
set yrange [1e-8:1]
set xlabel "2w - 2 + log_2(points): bits of the largest output (w-bit pieces)"
set ylabel "largest rounding error"
set key bottom right box opaque font ",10"
plot "multiply.dat" using 1:($3 > 0 ? $2 : 1/0) with linespoints ls 1 ps 0.7 title "w = 10..24, 2^{16} points", \
     "" using 1:($3 < 0 ? $2 : 1/0) with linespoints ls 2 ps 0.7 title "w = 16, 2^8 .. 2^{20} points", \
     0.5 with lines lc rgb "#d62728" dt 2 lw 1.2 title "1/2: the product is wrong", \
     0.3 with lines lc rgb "#444444" dt 3 lw 1.2 title "0.3: mp\\_mul falls back"
unset multiplot
