# Shared look of the course's figures: each script starts with `load style`, and
# tools/figures.sh sets style to this file's path.
set terminal pngcairo size 800,500 enhanced font "DejaVu Sans,11" linewidth 1.5
set border 3
set tics nomirror
set grid lc rgb "#dddddd"
set key top left box opaque
set style line 1 lc rgb "#1f77b4" pt 7 ps 1.1
set style line 2 lc rgb "#d62728" pt 5 ps 1.1
set style line 3 lc rgb "#2ca02c" lw 2
set style line 4 lc rgb "#ff7f0e" lw 2
set style line 5 lc rgb "#9467bd" lw 2
