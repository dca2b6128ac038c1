load style
set output "map.png"
set terminal pngcairo size 800,650
set title "All 1797 digits projected on the first two principal components"
set xlabel "code z_1 (along v_1, pixel intensity units)"
set ylabel "code z_2 (along v_2)"
set key outside right top title "label"
set size ratio -1
array colour[10] = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
plot for [c = 0:9] "map.dat" using ($3 == c ? $1 : 1/0):2 with points pt 7 ps 0.45 lc rgb colour[c + 1] title sprintf("%d", c)
