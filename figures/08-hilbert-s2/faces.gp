load style
set output "faces.png"
set terminal pngcairo size 900,700
unset border
unset tics
unset grid
unset key
set size ratio -1
set xrange [-0.05:4.05]
set yrange [-0.05:3.05]
set title "The cube unfolded, each face in its own (u, v) axes (u right, v up): level-2 cells and the Hilbert curve through them\nwhich runs on from face to face in id order and closes: the end of face 5 touches the start of face 0" font ",11"
array axis[6] = ["+x", "+y", "+z", "-x", "-y", "-z"]
# Each face's name in the empty space beside it.
array labelx[6] = [0.5, 2.06, 0.94, 3.06, 1.94, 3.5]
array labely[6] = [1.07, 0.5, 1.5, 1.5, 2.5, 1.93]
array justify[6] = [0, -1, 1, -1, 1, 0]
do for [f = 1:6] {
    text = sprintf("{/:Bold face %d} (%s)", f - 1, axis[f])
    if (justify[f] < 0) { set label f sprintf("%s", text) at labelx[f], labely[f] left font ",12" }
    if (justify[f] > 0) { set label f sprintf("%s", text) at labelx[f], labely[f] right font ",12" }
    if (justify[f] == 0) { set label f sprintf("%s", text) at labelx[f], labely[f] center font ",12" }
}
facecolour(f) = f == 0 ? 0x1f77b4 : f == 1 ? 0xff7f0e : f == 2 ? 0x2ca02c : f == 3 ? 0xd62728 : f == 4 ? 0x9467bd : 0x8c564b
plot "faces-grid.dat" using 1:($3 == 2 ? $2 : 1/0) with lines lw 0.6 lc rgb "#aaaaaa", \
     "" using 1:($3 == 1 ? $2 : 1/0) with lines lw 1.2 lc rgb "#777777", \
     "" using 1:($3 == 0 ? $2 : 1/0) with lines lw 2.2 lc rgb "#222222", \
     "faces-path.dat" using 1:2 with lines lc rgb "#333333" lw 1.2, \
     "" using 1:2:(facecolour($3)) with points pt 7 ps 0.9 lc rgb variable, \
     "" using 1:2:(sprintf("%d", $4)) with labels offset 0.9,0.55 font ",7" textcolor rgb "#333333", \
     "" using 1:($4 == 0 ? $2 : 1/0) with points pt 6 ps 2 lw 1.5 lc rgb "#000000"
