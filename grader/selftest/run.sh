#!/usr/bin/env bash
# run.sh BUILD_DIR: the grader's self-test.
#
# Grades deliberately broken implementations (hostile-<lesson>.c) and checks
# that every test ends as expected-<lesson>.tsv says: broken behaviour costs
# exactly the tests it breaks, each with the right message, and the whole run
# finishes in bounded time with its output capped. Also checks that a test
# calling exit(0) is not counted as passed, which Criterion alone would do.
set -u
build=${1:-build}
status=0
for expected in grader/selftest/expected-*.tsv; do
    lesson=$(basename "$expected" .tsv)
    lesson=${lesson#expected-}
    bin=$build/selftest/bin/grade-$lesson
    out=$build/selftest/out
    rm -rf "$out"
    mkdir -p "$out"
    if ! make -s --no-print-directory "$bin" >"$out/build.log" 2>&1; then
        echo "selftest $lesson: the hostile implementation did not build:"
        cat "$out/build.log"
        exit 1
    fi
    start=$(date +%s)
    GRADE_OUT=$out GRADE_SEED=1 timeout -k 5 120 "$bin" >"$out/run.log" 2>&1
    code=$? elapsed=$(($(date +%s) - start))
    if [ "$code" -ne 0 ] || [ ! -s "$out/$lesson.tsv" ]; then
        echo "selftest $lesson: the grader itself failed (exit code $code), log: $out/run.log"
        status=1
        continue
    fi
    checked=0
    while IFS=$'\t' read -r id want; do
        case "$id" in '#'* | '') continue ;; esac
        checked=$((checked + 1))
        line=$(grep -m1 -F "$id	" "$out/$lesson.tsv")
        IFS=$'\t' read -r _ _ _ got _ message <<<"$line"
        if [ -z "$line" ]; then
            echo "selftest $lesson: $id did not run"
            status=1
        elif [ "$want" = pass ] && [ "$got" != pass ]; then
            echo "selftest $lesson: $id should pass despite the hostile code, but: $message"
            status=1
        elif [ "$want" != pass ] && { [ "$got" = pass ] || [[ "$message" != *"$want"* ]]; }; then
            echo "selftest $lesson: $id should fail with '$want', but came: $got: $message"
            status=1
        fi
    done <"$expected"
    ran=$(wc -l <"$out/$lesson.tsv")
    if [ "$ran" -ne "$checked" ]; then
        echo "selftest $lesson: $expected lists $checked tests but the grader ran $ran"
        status=1
    fi
    # The output of one test is capped (1 MiB), whatever the code prints.
    biggest=$(find "$out/run-$lesson" -name '*.out' -printf '%s\n' | sort -n | tail -1)
    if [ "${biggest:-0}" -gt 1100000 ]; then
        echo "selftest $lesson: a test's captured output is $biggest bytes; the cap failed"
        status=1
    fi
    # Output printed just before a crash, without a newline, must survive.
    if [ -f "grader/selftest/printed-$lesson.tsv" ]; then
        while IFS=$'\t' read -r id text; do
            case "$id" in '#'* | '') continue ;; esac
            if ! grep -qF "$text" "$out/run-$lesson/${id/\//.}.out" 2>/dev/null; then
                echo "selftest $lesson: the output of $id lost '$text'"
                status=1
            fi
        done <"grader/selftest/printed-$lesson.tsv"
    fi
    if [ "$elapsed" -gt 60 ]; then
        echo "selftest $lesson: grading took $elapsed s; hostile code must not stall the grader"
        status=1
    fi
    [ $status -eq 0 ] && echo "selftest $lesson: $checked hostile outcomes as expected (${elapsed}s)"
done
exit $status
