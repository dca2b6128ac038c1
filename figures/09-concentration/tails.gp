load style
set output "tails.png"
set terminal pngcairo size 1100,800
set logscale y
set format y "10^{%L}"
set ylabel "P(X {/Symbol \263} a)"
set key bottom left box opaque font ",10"
set multiplot layout 2,2 title "Markov's and Chebyshev's bounds against the true tail (1,000,000 draws for the sample)" font ",12"
titles = "'exponential, rate 1 (mean 1, variance 1)' 'uniform on [0, 1] (mean 1/2, variance 1/12)' 'Poisson, mean 40 (variance 40)' 'Pareto, {/Symbol a} = 3, minimum 1 (mean 1.5, variance 0.75)'"
array lows[4] = [1e-5, 1e-3, 1e-16, 1e-5]
do for [k = 0:3] {
    set title word(titles, k + 1)
    set yrange [lows[k + 1]:2]
    if (k == 2) { set ytics 100 } else { set ytics 10 }
    if (k == 3) { set logscale x; set xtics (1, 2, 3, 5, 10, 20, 30); set xrange [1:30] } else { unset logscale x; set xtics autofreq; set autoscale x }
    set xlabel "a"
    plot "tails.dat" index k using 1:2 with lines lc rgb "#222222" lw 2 title "true P(X {/Symbol \263} a)", \
         "" index k using 1:($5 > 0 ? $5 : 1/0) with points pt 7 ps 0.35 lc rgb "#1f77b4" title "fraction of the sample", \
         "" index k using 1:3 with lines ls 4 title "Markov E[X]/a", \
         "" index k using 1:4 with lines ls 3 title "Chebyshev Var/(a - {/Symbol m})^2"
}
unset multiplot
