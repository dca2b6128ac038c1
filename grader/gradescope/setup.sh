#!/usr/bin/env bash
# setup.sh: Gradescope runs this once, as root, when it builds the
# autograder's image from autograder.zip (unpacked in /autograder/source).
#
# Installs the student dependencies, the same list and the same script as
# `make deps` (scripts/deps.sh checks each package by a file it provides, so
# on a machine that has them this installs nothing), then builds the grader's
# own binaries, so that each submission only compiles its own code.
set -eu
# As in run_autograder: the course's defaults, whoever calls this.
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL BUILD LESSON IMPL GRADE_MODE SEED ARCH CC \
    RESULTS EXTRA_CFLAGS VERBOSE HIDDEN
cd "$(dirname "$0")/course"
scripts/deps.sh
targets=()
for l in $(cat ../lessons.txt); do
    targets+=("build/grader/san/bin/grade-$l" "build/grader/san/bin/sandbox-$l")
done
# Not fatal: run_autograder builds whatever is missing.
make -s --no-print-directory -j2 "${targets[@]}" ||
    echo "setup: the grader did not build now; run_autograder will try again" >&2

# Race bonuses (make autograder RACE_BONUS=file): the race programs and the
# reference's -O3 library, built from the solution code the zip carries,
# then kept in ../race-bin, which only root can read (a submission runs as
# nobody), and the solution code deleted.
if [ -s ../race-bonus.txt ]; then
    mkdir -p ../race-bin
    chmod 700 ../race-bin
    for l in $(cut -d: -f1 ../race-bonus.txt | sort -u); do
        cp ../race-reference/"$l"/*.c solutions/"$l"/
        make -s --no-print-directory -j2 "build/grader/opt/bin/race-$l" "build/grader/opt/bin/sandbox-$l" \
            "build/solutions/opt/lib/lib$l.so" &&
            mv "build/grader/opt/bin/race-$l" "build/solutions/opt/lib/lib$l.so" ../race-bin/ ||
            echo "setup: the race of $l did not build: its bonus will be 0" >&2
        rm -f solutions/"$l"/*.c
    done
    rm -rf ../race-reference build/solutions build/race
fi
