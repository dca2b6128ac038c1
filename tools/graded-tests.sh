#!/usr/bin/env bash
# graded-tests.sh LESSON: prints "suite/name points" for every test of the
# lesson's grader, read from the GRADED_TEST lines of grader/LESSON/*.c:
# the one place that knows their form, for make grade, make test and the
# autograder alike.
set -u
sed -n 's/^GRADED_TEST\(_T\)\{0,1\}(\([a-z0-9_]*\), *\([a-z0-9_]*\), *\([0-9]*\),.*/\2\/\3 \4/p' \
    grader/"$1"/*.c
