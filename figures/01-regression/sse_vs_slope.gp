load style
set output "sse_vs_slope.png"
set title "Sum of squared errors of the line y = slope x (intercept 0)"
set xlabel "slope (s per unit of dilation)"
set ylabel "SSE (s^2)"
set key top right
plot "sse_vs_slope.dat" using 1:2 with lines ls 3 title "SSE(slope)", \
     "sse_vs_slope.dat" using 1:((int($1) == $1 && (int($1) == 10 || int($1) == 30 || \
        int($1) == 50 || int($1) == 100 || int($1) == 200)) ? $2 : 1/0) \
        with points ls 2 title "the five lines of the chapter"
