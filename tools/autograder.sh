#!/usr/bin/env bash
# autograder.sh BUILD HIDDEN LESSON...: builds BUILD/autograder.zip, a
# Gradescope autograder for one assignment made of the given lessons
# (`make autograder LESSON=03 HIDDEN=hidden.txt`).
#
# The zip holds setup.sh and run_autograder at its root (grader/gradescope/),
# lessons.txt, hidden.txt and course/: what grading needs and nothing more,
# so no solution code (the grader's sources, the lessons' headers from
# solutions/, the skeletons, support/, the chapters, data/).
#
# HIDDEN (optional) lists tests, one a line, whose results students see only
# once grades are published: "02-softmax: classifier/learns_the_digits",
# "classifier/learns_the_digits" (in any lesson) or "classifier/*"; # starts
# a comment. A line that matches no test of the assignment is an error.
#
# RACE_BONUS (optional, in the environment) names a file of race bonuses, one
# a line: "03-convolution: conv5x5 1.5 2" gives 2 extra points when the
# submission's conv5x5 race (grader/03-convolution/race.c) reads at most 1.5
# times the reference's time in the same run (`make race`). The zip then
# carries the lesson's solution code, which setup.sh compiles into the race
# program and the reference's library, keeps where only root can read them,
# and deletes.
set -eu
build=$1 hidden=$2
shift 2
lessons=("$@")
if ! command -v zip >/dev/null; then
    echo "autograder: needs zip:  sudo apt-get install -y zip  (or make deps-instructor)" >&2
    exit 1
fi
stage=$build/autograder
zip=$build/autograder.zip
rm -rf "$stage" "$zip"
mkdir -p "$stage/course"

cp grader/gradescope/setup.sh grader/gradescope/run_autograder "$stage/"
printf '%s\n' "${lessons[*]}" >"$stage/lessons.txt"

course=$stage/course
mkdir -p "$course"/{scripts,tools,grader,solutions,exercises,lessons}
cp Makefile "$course/"
cp scripts/deps.sh "$course/scripts/"
cp tools/exercises.sh tools/graded-tests.sh "$course/tools/"
cp grader/grade.sh "$course/grader/"
cp -r grader/runner data "$course/" 2>/dev/null
mv "$course/runner" "$course/grader/runner"
mkdir -p "$course/support"
cp support/*.c support/*.h "$course/support/"
for l in "${lessons[@]}"; do
    cp -r "grader/$l" "$course/grader/"
    mkdir -p "$course/solutions/$l"
    cp "solutions/$l"/*.h "$course/solutions/$l/"
    cp -r "exercises/$l" "$course/exercises/"
    cp "lessons/$l.md" "$course/lessons/"
done

# The hidden tests, checked against the tests the assignment has.
: >"$stage/hidden.txt"
if [ -n "$hidden" ]; then
    if [ ! -f "$hidden" ]; then
        echo "autograder: HIDDEN=$hidden: no such file" >&2
        exit 1
    fi
    ids=$(for l in "${lessons[@]}"; do
        tools/graded-tests.sh "$l" | sed "s/ .*//; s/^/$l: /"
    done)
    bad=0
    while IFS= read -r line; do
        entry=${line%%#*}
        entry=$(echo $entry)
        [ -z "$entry" ] && continue
        found=""
        while IFS= read -r id; do
            # shellcheck disable=SC2053
            if [[ $id == $entry || ${id#*: } == $entry ]]; then found=1; break; fi
        done <<<"$ids"
        if [ -z "$found" ]; then
            echo "autograder: $hidden: '$entry' matches no test of ${lessons[*]}" >&2
            bad=1
        fi
        echo "$entry" >>"$stage/hidden.txt"
    done <"$hidden"
    [ $bad -eq 0 ] || exit 1
fi

# The race bonuses, checked against the races the lessons declare.
: >"$stage/race-bonus.txt"
if [ -n "${RACE_BONUS:-}" ]; then
    if [ ! -f "$RACE_BONUS" ]; then
        echo "autograder: RACE_BONUS=$RACE_BONUS: no such file" >&2
        exit 1
    fi
    while IFS= read -r line; do
        entry=${line%%#*}
        read -r l race ratio points <<<"${entry/:/ }" || true
        [ -z "${l:-}" ] && continue
        if [[ " ${lessons[*]} " != *" $l "* ]] || ! grep -q "^RACE($race," "grader/$l/race.c" 2>/dev/null ||
            ! [[ $ratio =~ ^[0-9]+(\.[0-9]+)?$ && $points =~ ^[0-9]+$ ]]; then
            echo "autograder: $RACE_BONUS: '$entry' is not 'lesson: race max-ratio points' for a race of ${lessons[*]}" >&2
            exit 1
        fi
        echo "$l: $race $ratio $points" >>"$stage/race-bonus.txt"
        mkdir -p "$stage/race-reference/$l"
        cp "solutions/$l"/*.c "$stage/race-reference/$l/"
    done <"$RACE_BONUS"
    cp tools/race.sh "$course/tools/"
fi

chmod +x "$stage/setup.sh" "$stage/run_autograder"
(cd "$stage" && zip -q -r -X ../autograder.zip .)
echo "autograder: $zip for ${lessons[*]} ($(du -k "$zip" | cut -f1) KiB," \
    "$(grep -c . "$stage/hidden.txt" || true) hidden test pattern(s)," \
    "$(grep -c . "$stage/race-bonus.txt" || true) race bonus(es))"
