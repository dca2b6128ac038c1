#!/usr/bin/env bash
# race.sh BUILD IMPL LESSON...: `make race`. Runs each lesson's race program
# (grader/runner/race.c) on IMPL's -O3 library: the student's hot kernels
# against the reference solution and a naive loop, after a check of their
# output. Prints each race's times, ratios and verdict, and leaves one TSV
# line per race in BUILD/race/IMPL/<lesson>.tsv (race.c describes it).
# A lesson races the kernels its grader/<lesson>/race.c declares; lessons
# without one are listed as such. Exits non-zero only if a race program
# could not run.
set -u
build=$1 impl=$2
shift 2
out=$build/race/$impl
mkdir -p "$out"
libs=$(cd "$build" && pwd)
status=0
for lesson in "$@"; do
    bin=$build/grader/opt/bin/race-$lesson
    if [ ! -f "grader/$lesson/race.c" ]; then
        echo "== $lesson: no race yet (grader/$lesson/race.c declares a lesson's races)"
        continue
    fi
    echo "== $lesson: $impl/ against the reference solution and a naive loop (-O3, one thread)"
    rm -f "$out/$lesson.tsv"
    if ! RACE_OUT=$out GRADE_STUDENT_LIB=$libs/$impl/opt/lib/lib$lesson.so \
        RACE_REFERENCE_LIB=$libs/solutions/opt/lib/lib$lesson.so \
        timeout -k 5 300 "$bin"; then
        echo "   the race program failed" >&2
        status=1
    fi
done
exit $status
