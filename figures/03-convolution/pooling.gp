load style
set terminal pngcairo size 1000,420 enhanced font "DejaVu Sans,11"
set output "pooling.png"
set multiplot layout 1,4 title "2 x 2 windows, stride 2: each coloured window of the input becomes the output cell framed in its colour\n(one gray scale, 0 to 190, in every panel; bold: the pixel max pooling keeps)"
unset key
unset colorbox
unset grid
set border 0
unset tics
set size ratio -1
set palette defined (0 "#ffffff", 190 "#808080")
set cbrange [0:190]
array colour[4] = ["#e69f00", "#0072b2", "#009e73", "#cc79a7"]
do for [p=0:3] {
    unset object
    side = (p % 2) ? 2 : 4
    cell = (p % 2) ? 1 : 2
    set xrange [-0.5:side - 0.5]
    set yrange [side - 0.5:-0.5]
    set title (p == 0 ? "input (max)" : p == 1 ? "max pooling" : p == 2 ? "input (average)" : "average pooling")
    do for [w=0:3] {
        x0 = (w % 2) * cell - 0.5
        y0 = (w / 2) * cell - 0.5
        set object w + 1 rect from x0 + 0.04,y0 + 0.04 to x0 + cell - 0.04,y0 + cell - 0.04 \
            fs empty border rgb colour[w + 1] lw 5 front
    }
    plot "pooling.dat" using ($4 == p ? $1 : NaN):2:(0.5):(0.5):3 with boxxyerror \
             fs solid 1 border rgb "#bbbbbb" fc palette, \
         "" using ($4 == p && $6 == 0 ? $1 : NaN):2:(sprintf("%g", $3)) with labels font ",12" tc rgb "#000000", \
         "" using ($4 == p && $6 == 1 ? $1 : NaN):2:(sprintf("%g", $3)) with labels font "DejaVu Sans Bold,14" tc rgb "#000000"
}
unset multiplot
