load style
set output "coverings.png"
set terminal pngcairo size 1100,700
stats "coverings-8-15.dat" using 1 nooutput
mixed = STATS_records / 4  # four corners per cell
stats "coverings-15.dat" using 1 nooutput
fixed = STATS_records / 4
set xrange [-51.285:-51.025]
set yrange [-30.265:-29.977]
# Degrees of longitude are cos(30.12 deg) = 0.865 of a degree of latitude here.
set size ratio (30.265 - 29.977) / ((51.285 - 51.025) * cos(30.12 * pi / 180))
set xtics 0.05
set ytics 0.05
set format x "%.2f"
set format y "%.2f"
set xlabel "longitude (degrees)"
set key at screen 0.5, screen 0.035 center horizontal maxrows 1 box opaque font ",10" samplen 2
array colour[6] = ["#08306b", "#2171b5", "#6baed6", "#41ab5d", "#fd8d3c", "#d62728"]
set multiplot layout 1,2 margins 0.09, 0.98, 0.15, 0.88 spacing 0.08 title "The seed's rectangle around Porto Alegre (black) covered by the lesson's coverer: both coverings hold the same ground" font ",12"
set title sprintf("min level 8, max level 15, max 500 cells: %d cells", mixed)
set ylabel "latitude (degrees)"
plot for [L = 10:15] "coverings-8-15.dat" using 1:($3 == L ? $2 : 1/0) with filledcurves closed \
         fs transparent solid 0.45 border lc rgb "#333333" fc rgb colour[L - 9] title sprintf("level %d", L), \
     "coverings-rect.dat" using 1:2 with lines lc rgb "#000000" lw 1.8 notitle
set title sprintf("min level = max level = 15: %d cells", fixed)
unset ylabel
unset key
plot "coverings-15.dat" using 1:2 with filledcurves closed fs transparent solid 0.45 border lc rgb "#555555" fc rgb colour[6] lw 0.3 notitle, \
     "coverings-rect.dat" using 1:2 with lines lc rgb "#000000" lw 1.8 notitle
unset multiplot
