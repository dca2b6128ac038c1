load style
set output "words.png"
set terminal pngcairo size 800,720
set title "Word vectors of Moby Dick, chapters 1-40, on their first two principal components"
set xlabel "principal component 1 (of the 30 words' unit vectors of word + context vector)"
set ylabel "principal component 2"
set size ratio -1
set key bottom left font ",10"
set offsets 0.08, 0.12, 0.08, 0.25
array colour[6] = ["#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#1f77b4", "#d62728"]
array family[6] = ["numbers", "names", "times of day", "water and land", "singular -> plural", "he -> she, his -> her"]
# "day" and "evening" land on nearly the same spot: day is labelled on the left.
plot for [c = 0:3] "words.dat" index 0 using ($4 == c ? $1 : 1/0):2 with points pt 7 ps 1 lc rgb colour[c + 1] title family[c + 1], \
     for [c = 4:5] "" index 1 using ($5 == c ? $1 : 1/0):2:3:4 with vectors head filled size screen 0.015,20 lc rgb colour[c + 1] lw 1.5 title family[c + 1], \
     "" index 0 using 1:2:(stringcolumn(3) eq "day" ? "" : stringcolumn(3)) with labels offset char 0.5, char 0.5 left font ",9" notitle, \
     "" index 0 using 1:2:(stringcolumn(3) eq "day" ? "day" : "") with labels offset char -0.5, char 0.5 right font ",9" notitle
