load style
set output "arm.png"
set terminal pngcairo size 920,600
set title "Two-link arm, l1 = 1, l2 = 0.6: what the hand can reach"
set xlabel "x (link lengths)"
set ylabel "y (link lengths)"
set size ratio -1
set xrange [-1.8:1.8]
set yrange [-1.8:1.8]
set key outside right center vertical box font ",10"
set parametric
set trange [0:2*pi]
plot 1.6*cos(t), 1.6*sin(t) with filledcurves closed fc rgb "#deebf7" notitle, \
     0.4*cos(t), 0.4*sin(t) with filledcurves closed fc rgb "#ffffff" notitle, \
     1.6*cos(t), 1.6*sin(t) with lines ls 4 title "{/Symbol q}_2 = 0, stretched: det J = 0", \
     0.4*cos(t), 0.4*sin(t) with lines ls 5 title "{/Symbol q}_2 = {/Symbol p}, folded: det J = 0", \
     "arm_poses.dat" index 0 using 1:2 with linespoints lw 3 pt 7 lc rgb "#999999" title "start {/Symbol q} = (0.2, 0.4)", \
     "arm_poses.dat" index 1 using 1:2 with linespoints lw 3 pt 7 lc rgb "#1f77b4" title "Newton's solution", \
     "arm_path.dat" using 1:2 with linespoints lc rgb "#000000" pt 6 dt 2 title "the hand after each Newton step", \
     "arm_target.dat" using 1:2 with points pt 3 ps 2.5 lc rgb "#2ca02c" title "target"
