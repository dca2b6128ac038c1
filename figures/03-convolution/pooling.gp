load style
set terminal pngcairo size 900,420 enhanced font "DejaVu Sans,11"
set output "pooling.png"
set multiplot layout 1,4 title "The lecture's examples: 2 x 2 windows, stride 2"
unset key
unset colorbox
unset grid
set border 0
unset tics
set size ratio -1
set palette defined (0 "#f7fbff", 50 "#6baed6", 190 "#08306b")
set cbrange [0:190]
do for [p=0:3] {
    side = (p % 2) ? 2 : 4
    set xrange [-0.5:side - 0.5]
    set yrange [side - 0.5:-0.5]
    set title (p == 0 ? "input" : p == 1 ? "max pooling" : p == 2 ? "input" : "average pooling")
    plot "pooling.dat" using 1:2:(0.5):(0.5):($4 == p ? $3 : NaN) with boxxyerror \
             fs solid 1 noborder fc palette, \
         "" using ($4 == p ? $1 : NaN):2:(sprintf("%g", $3)) with labels font ",12" tc rgb "#d62728"
}
unset multiplot
