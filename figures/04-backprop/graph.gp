load style
set output "graph.png"
set terminal pngcairo size 800,420
set title "z = (x + y) w: values forward (black), gradients dz/d(node) backward (red)"
unset border
unset tics
unset grid
unset key
set xrange [-0.6:3.6]
set yrange [-0.5:2.5]
set style fill solid 1.0 border lc rgb "#1f77b4"
names = "x y w + ×"
plot "graph_edges.dat" using 1:2:3:4 with vectors head filled lc rgb "#888888" lw 1.5, \
     "graph_nodes.dat" using 1:2:(0.22) with circles lc rgb "#deebf7", \
     "" using 1:2:(word(names, int($0) + 1)) with labels font ",14", \
     "" using 1:($2 + 0.33):(sprintf("%g", $3)) with labels font ",12" tc rgb "#000000", \
     "" using 1:($2 - 0.36):(sprintf("%g", $4)) with labels font ",12" tc rgb "#d62728"
