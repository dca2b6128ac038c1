load style
set output "weather.png"
set title "One input, B = [10, -9, -1], three ways to make a distribution"
set ylabel "probability (log scale)"
set logscale y
set yrange [1e-10:3]
set format y "10^{%L}"
set xrange [-0.6:2.6]
set xtics ("B / sum(B)" 0, "|B| / sum(|B|)" 1, "softmax(B)" 2)
set style fill solid 0.85 border -1
set label 1 "no answer:\nsum(B) = 0" at 0, 1e-5 center
set key top left
w = 0.26
plot "weather.dat" using ($1 - w):2:(w) with boxes lc rgb "#e6a100" title "sunny (score 10)", \
     "" using ($1):3:(w) with boxes lc rgb "#888888" title "cloudy (score -9)", \
     "" using ($1 + w):4:(w) with boxes lc rgb "#1f77b4" title "rainy (score -1)", \
     "" using ($1 - w):2:(sprintf("%.2g", $2)) with labels offset 0,0.7 font ",9" notitle, \
     "" using ($1):3:(sprintf("%.2g", $3)) with labels offset 0,0.7 font ",9" notitle, \
     "" using ($1 + w):4:(sprintf("%.2g", $4)) with labels offset 0,0.7 font ",9" notitle
