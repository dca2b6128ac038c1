#!/bin/sh
# chapter.sh [--update] lessons/NN-name.md...
#
# Checks that every code excerpt and program output quoted in a chapter is
# what its source file says (tools/chapter.awk), and that every figure the
# chapter shows exists and is drawn by a gnuplot script or written by the
# lesson's demo. With --update, rewrites the quoted blocks instead.
set -u
mode=check
[ "${1:-}" = --update ] && { mode=update; shift; }
status=0
for chapter in "$@"; do
    lesson=$(basename "$chapter" .md)
    fresh=$(mktemp)
    if ! awk -f tools/chapter.awk "$chapter" >"$fresh"; then
        status=1
    elif [ "$mode" = update ]; then
        cmp -s "$fresh" "$chapter" || { cp "$fresh" "$chapter" && echo "updated $chapter"; }
    elif ! diff -u "$chapter" "$fresh" >"$fresh.diff"; then
        echo "$chapter: quoted code or output differs from its source (run 'make excerpts'):"
        head -n 40 "$fresh.diff"
        status=1
    fi
    rm -f "$fresh" "$fresh.diff"

    figures=$(grep -o '](\.\./figures/[^)]*\.png)' "$chapter" | sed 's/^](\.\.\///; s/)$//')
    for figure in $figures; do
        name=$(basename "$figure")
        if [ ! -f "$figure" ]; then
            echo "$chapter: figure $figure does not exist (run 'make figures')"
            status=1
        elif ! grep -qs "set output \"$name\"" figures/"$lesson"/*.gp &&
            ! grep -qs "$name\"" figures/"$lesson"/*.c; then
            echo "$chapter: no script in figures/$lesson/ produces $name"
            status=1
        fi
    done
    # "**Exercise N: ... (P points, tests `suite/*`)**" must match the grader.
    claims=$(grep -o '([0-9]* points, tests `[a-z_]*/\*`)' "$chapter" |
        sed 's/(\([0-9]*\) points, tests `\([a-z_]*\)\/\*`)/\2 \1/')
    while read -r suite points; do
        [ -z "$suite" ] && continue
        graded=$(tools/graded-tests.sh "$lesson" |
            awk -v suite="$suite" 'index($1, suite "/") == 1 { s += $2 } END { print s + 0 }')
        if [ "$graded" -ne "$points" ]; then
            echo "$chapter: the chapter gives $suite/* $points points, the grader $graded"
            status=1
        fi
    done <<EOF2
$claims
EOF2
    [ $status -eq 0 ] && echo "$chapter: excerpts, outputs and $(echo "$figures" | grep -c .) figures match their sources"
done
exit $status
