load style
set output "lucasspeed.png"
set title "One Lucas-Lehmer iteration s = s^2 - 2 mod 2^p - 1 (this machine)"
set logscale xy
set format x "10^{%L}"
set format y "10^{%L}"
set xlabel "exponent p"
set ylabel "seconds per iteration"
set xrange [400:70000]
set key top left box opaque
plot "lucasspeed.times" using 1:2 with linespoints ls 1 title "mp\\_mul, then mp\\_mod\\_mersenne", \
     "" using 1:3 with linespoints ls 2 title "weighted transform (mp\\_lucas\\_lehmer)"
