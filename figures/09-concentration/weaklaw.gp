load style
set output "weaklaw.png"
set logscale x
set xrange [1:10000]
set yrange [0:1]
set xlabel "n (uniforms averaged)"
set ylabel "sample mean M_n"
set key bottom right box opaque font ",10"
set title "The mean of n uniforms on [0, 1), 4000 repetitions per n: where M_n falls"
plot "weaklaw.dat" using 1:3:7 with filledcurves lc rgb "#aec7e8" title "95 % of the repetitions", \
     "" using 1:4:6 with filledcurves lc rgb "#1f77b4" title "50 %", \
     "" using 1:5 with lines lc rgb "#08306b" lw 1.5 title "median", \
     "" using 1:(0.5 + $9) with lines ls 3 title "1/2 {/Symbol \261} Chebyshev (95 %)", \
     "" using 1:(0.5 - $9) with lines ls 3 notitle, \
     "" using 1:(0.5 + $10) with lines ls 4 dt 2 title "1/2 {/Symbol \261} Hoeffding (95 %)", \
     "" using 1:(0.5 - $10) with lines ls 4 dt 2 notitle
