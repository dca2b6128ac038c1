#!/bin/sh
# figures.sh BUILD LESSON OUT_DIR: runs the lesson's demo program (which writes
# the chapter's numbers, *.txt, and the figures' data, *.dat, into OUT_DIR),
# then every gnuplot script in figures/LESSON/ (which turn the data into PNGs
# in OUT_DIR). `make figures` calls it with OUT_DIR = figures/LESSON; `make
# test` with a temporary OUT_DIR, to check that the committed files are what
# the code produces.
set -eu
build=$1 lesson=$2 out=$3
src=$(pwd)/figures/$lesson
mkdir -p "$out"
"$build/solutions/opt/bin/demo-$lesson" "$out"
[ "$(cd "$out" && pwd)" = "$src" ] || cp "$src"/*.gp "$out"/
style=$(pwd)/figures/style.gp
for script in "$src"/*.gp; do
    name=$(basename "$script")
    (cd "$out" && gnuplot -e "style='$style'" "$name") || { echo "figures: $script failed" >&2; exit 1; }
done
rm -f "$out"/*.tmp
[ "$(cd "$out" && pwd)" = "$src" ] || rm -f "$out"/*.gp
echo "figures/$lesson: $(ls "$out"/*.png | wc -l) figures"
