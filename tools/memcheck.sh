#!/usr/bin/env bash
# memcheck.sh BUILD IMPL LESSON...: runs each lesson's demo (solutions) and
# tests (IMPL) under Valgrind memcheck and reports memory errors and leaks per
# lesson, judged from Valgrind's own logs: Valgrind's verdict arrives after
# Criterion has already recorded a test as passed, so exit codes prove nothing.
# Exits 1 if any error or definite leak was found.
set -u
build=$1 impl=$2
shift 2
status=0
valgrind_opts=(--leak-check=full --errors-for-leak-kinds=definite,indirect
               --show-leak-kinds=definite,indirect --num-callers=20
               --suppressions=tools/valgrind.supp)

# Prints "errors lost" summed over the Valgrind logs given.
summarise() {
    awk '/ERROR SUMMARY:/ { errors += $4 }
         /definitely lost:/ { gsub(",", "", $4); lost += $4 }
         /indirectly lost:/ { gsub(",", "", $4); lost += $4 }
         END { print errors + 0, lost + 0 }' "$@"
}

# The logs of one lesson, as an absolute path: the sandboxes run elsewhere.
logs_of() {
    local logs=$build/memcheck/$impl/$1
    case $logs in /*) ;; *) logs=$PWD/$logs ;; esac
    echo "$logs"
}

for lesson in "$@"; do
    logs=$(logs_of "$lesson")
    rm -rf "$logs"
    mkdir -p "$logs/demo-out" "$logs/grade"
done

# Two lanes: the demos one after another in the background, the tests in the
# foreground, so that neither core waits, lesson by lesson, for the slower.
# DEMO_QUICK shortens the long trainings of demos that have them: Valgrind
# needs every code path, not every epoch, and step 7 checks the full output.
(
    for lesson in "$@"; do
        logs=$(logs_of "$lesson")
        DEMO_QUICK=1 valgrind "${valgrind_opts[@]}" --log-file="$logs/demo.log" \
            "$build/solutions/dbg/bin/demo-$lesson" "$logs/demo-out" >/dev/null 2>"$logs/demo.err" ||
            touch "$logs/demo.failed"
    done
) &
demos=$!

for lesson in "$@"; do
    logs=$(logs_of "$lesson")
    # Each test runs in its own process: follow them all, one log per process.
    # As root the sandbox would run as nobody, who cannot write Valgrind's logs here.
    # Only the sandboxes, which run the lesson's code, go under Valgrind.
    GRADE_AS_ROOT=1 GRADE_OUT=$logs/grade GRADE_SEED=1 GRADE_STUDENT_LIB=$build/$impl/dbg/lib/lib$lesson.so \
        GRADE_VALGRIND="${valgrind_opts[*]} --log-file=$logs/test.%p.log" \
        "$build/grader/dbg/bin/grade-$lesson" -j2 >"$logs/grade.log" 2>&1
done
wait "$demos"

for lesson in "$@"; do
    logs=$(logs_of "$lesson")
    read -r test_errors test_lost < <(summarise "$logs"/test.*.log)
    read -r demo_errors demo_lost < <(summarise "$logs/demo.log")
    processes=$(ls "$logs"/test.*.log | wc -l)
    failed=$(grep -c "	fail	" "$logs/grade/$lesson.tsv" 2>/dev/null)

    verdict=clean
    if [ -e "$logs/demo.failed" ] || [ "$demo_errors" -ne 0 ] || [ "$demo_lost" -ne 0 ] ||
        [ "$test_errors" -ne 0 ] || [ "$test_lost" -ne 0 ]; then
        verdict="NOT CLEAN"
        status=1
    fi
    printf '%s (%s): demo %d errors, %d bytes lost; tests (%d processes) %d errors, %d bytes lost; %s\n' \
        "$lesson" "$impl" "$demo_errors" "$demo_lost" "$processes" "$test_errors" "$test_lost" "$verdict"
    [ -e "$logs/demo.failed" ] && echo "  the demo failed: see $logs/demo.err"
    [ "${failed:-0}" -ne 0 ] && echo "  note: $failed tests failed under Valgrind (see $logs/grade/$lesson.tsv)"
    if [ "$verdict" != clean ]; then
        grep -l -E "ERROR SUMMARY: [1-9]|(definitely|indirectly) lost: [1-9]" "$logs"/*.log |
            head -3 | sed 's/^/  see /'
    fi
done
exit $status
