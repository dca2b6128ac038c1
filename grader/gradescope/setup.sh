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
