load style
set terminal pngcairo size 900,480 enhanced font "DejaVu Sans,11"
set output "slide1d.png"
set multiplot layout 2,1 title "The kernel g = [0.8, 0.1, 0.1] stopped at output 4 ('same' mode): multiply the cells in the frame, add"
unset key
unset colorbox
unset grid
set border 0
unset ytics
set xtics 0,1,9 scale 0 offset 0,0.3
set xrange [-2.2:9.6]
set yrange [2.6:-0.6]
set palette defined (0 "#ffffff", 5 "#7f7f7f")
set cbrange [0:5]
set style textbox opaque noborder
frame = "#e69f00"
do for [p=0:1] {
    unset label
    unset object
    set title (p == 0 ? "cross-correlation: g slides as written, g[0] over f[3]" \
                      : "convolution: g slides flipped, g[2] over f[3]")
    set label 1 "f" at -1.2,0 center font ",12"
    set label 2 (p == 0 ? "g" : "g flipped") at -1.2,1 center font ",12"
    set label 3 (p == 0 ? "correlate" : "convolve") at -1.2,2 center font ",11"
    set object 1 rect from 2.5,-0.5 to 5.5,1.5 fs empty border rgb frame lw 3 front
    set object 2 rect from 3.5,1.5 to 4.5,2.5 fs empty border rgb frame lw 3 front
    set xlabel (p == 1 ? "index i" : "")
    plot "slide1d.dat" using ($4 == p ? $1 : NaN):2:(0.5):(0.5):3 with boxxyerror \
             fs solid 1 border rgb "#555555" fc palette, \
         "" using ($4 == p ? $1 : NaN):2:(sprintf("%g", $3)) with labels font ",11" tc rgb "#000000"
}
unset multiplot
