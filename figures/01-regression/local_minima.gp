load style
set output "local_minima.png"
set title "Gradient descent on f(x) = sin(x/2) + 0.3x + 0.01x^2 (rate 0.5)"
set xlabel "x"
set ylabel "f(x)"
set xrange [-30:10]
set key bottom right
plot "bumpy.dat" using 1:2 with lines lc rgb "#444444" lw 2 title "f(x)", \
     "bumpy_paths.dat" using 2:3 with linespoints ls 2 lw 1 title "from x = 3: stuck at x = -4.05", \
     "bumpy_paths.dat" using 4:5 with linespoints ls 1 lw 1 title "from x = -10: reaches x = -15.66"
