load style
set terminal pngcairo size 900,380 enhanced font "DejaVu Sans,11"
set output "slide2d.png"
set multiplot layout 1,3 title "Sobel's kernel on a 5 x 5 patch with a vertical edge ('valid'): out[1][1] is the sum of the framed window times the kernel"
unset key
unset colorbox
unset grid
set border 0
unset tics
set size ratio -1
set palette defined (0 "#ffffff", 6 "#7f7f7f")
frame = "#e69f00"
do for [p=0:2] {
    unset object
    side = p == 0 ? 5 : 3
    set xrange [-0.5:side - 0.5]
    set yrange [side - 0.5:-0.5]
    set title (p == 0 ? "patch, window under output (1, 1)" : p == 1 ? "kernel (Sobel x)" : "output, 'valid': 3 x 3")
    if (p == 0) { set object 1 rect from 0.5,0.5 to 3.5,3.5 fs empty border rgb frame lw 4 front }
    if (p == 1) { set object 1 rect from -0.5,-0.5 to 2.5,2.5 fs empty border rgb frame lw 4 front }
    if (p == 2) { set object 1 rect from 0.5,0.5 to 1.5,1.5 fs empty border rgb frame lw 4 front }
    if (p == 1) { set cbrange [-6:6]; set palette defined (-6 "#4393c3", 0 "#ffffff", 6 "#d6604d") } \
    else { set cbrange [0:(p == 0 ? 8 : 24)]; set palette defined (0 "#ffffff", 1 "#7f7f7f") }
    plot "slide2d.dat" using ($4 == p ? $1 : NaN):2:(0.5):(0.5):3 with boxxyerror \
             fs solid 1 border rgb "#555555" fc palette, \
         "" using ($4 == p ? $1 : NaN):2:(sprintf("%g", $3)) with labels font ",13" tc rgb "#000000"
}
unset multiplot
