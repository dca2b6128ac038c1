#!/usr/bin/env bash
# exercises.sh LESSON: prints "suite<TAB>number<TAB>title" for every test
# suite that the chapter names in an exercise's paragraph, as in
#     **Exercise 2: measuring error (7 points, tests `errors/*`).**
# The chapter is where a student meets the exercises, so make grade reports
# by its numbers and titles, and make test checks that every suite with
# points has one.
set -u
[ -f "lessons/$1.md" ] || exit 0
awk '
    /^$/ { number = "" }
    match($0, /\*\*Exercise [0-9]+: [^(*]*/) {
        heading = substr($0, RSTART + 11, RLENGTH - 11)
        number = heading; sub(/:.*/, "", number)
        title = heading; sub(/^[0-9]+: /, "", title); sub(/ +$/, "", title)
    }
    number != "" {
        line = $0
        while (match(line, /`[a-z0-9_]+\/\*`/)) {
            suite = substr(line, RSTART + 1, RLENGTH - 4)
            if (!(suite in seen)) { seen[suite] = 1; printf "%s\t%s\t%s\n", suite, number, title }
            line = substr(line, RSTART + RLENGTH)
        }
    }' "lessons/$1.md"
