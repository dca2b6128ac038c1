#!/usr/bin/env bash
# test.sh BUILD LESSON...: everything `make test` (and so CI) checks.
#
#  1. exercises/ is exactly what solutions/ generates (no drift)
#  2. solutions and skeletons compile without a warning under gcc and clang
#  3. the solutions score full marks, sanitized and as built for speed
#  4. the untouched skeletons grade to a score near zero, and grading completes
#  5. the grader survives hostile code (grader/selftest)
#  6. every chapter's excerpts, outputs, figures and points match the code,
#     and every test suite with points belongs to one of its exercises
#  7. the committed figure data are what the demo programs produce now, to
#     rounding (tools/numdiff.awk)
#  8. the solutions' demos and tests are Valgrind-clean
#  9. the support library passes its own tests (support/tests/)
# 10. make autograder's zip grades like Gradescope would, on one small lesson
#     (tools/autograder-test.sh)
# 11. lesson 08's cell ids and coverings agree with Google's S2 library
#     (libs2, an instructor dependency) on many random and hard points
# 12. make race: the reference races itself to "as fast as the reference" in
#     every race, and the skeletons get "wrong output", not a time
# 13. make book renders every chapter, with the skeletons' points, and the
#     pages read well in headless Chromium (tools/book-check.js)
set -u
build=$1
shift
lessons=("$@")
start=$(date +%s)
mkdir -p "$build"
failures=0 passes=0

step_start=$(date +%s)
# Each step says how long the one before it took, so slow steps stand out.
step() {
    local now
    now=$(date +%s)
    [ "$now" -gt "$start" ] && printf '(%ds)\n' $((now - step_start))
    step_start=$now
    printf '\n== %s\n' "$1"
}
pass() { echo "ok: $1"; passes=$((passes + 1)); }
fail() { echo "FAILED: $1"; failures=$((failures + 1)); }

# Reads "score max" from a results.json written by grade.sh.
scores() { sed -n '1s/^{"score": \([0-9]*\), "max_score": \([0-9]*\).*/\1 \2/p' "$1"; }

step "1. skeletons are generated from the solutions"
for l in "${lessons[@]}"; do
    if tools/skeletons.sh "solutions/$l" "exercises/$l" --check; then
        pass "exercises/$l is up to date"
    else
        fail "exercises/$l has drifted from solutions/$l"
    fi
done

step "2. warning-free builds (gcc and clang, -Werror)"
for cc in gcc clang; do
    targets=()
    for l in "${lessons[@]}"; do
        targets+=("$build/werror-$cc/grader/san/bin/grade-$l" "$build/werror-$cc/grader/san/bin/sandbox-$l")
        for impl in solutions exercises; do
            targets+=("$build/werror-$cc/$impl/san/lib/lib$l.so" "$build/werror-$cc/$impl/opt/lib/lib$l.a")
        done
        targets+=("$build/werror-$cc/solutions/opt/bin/demo-$l" "$build/werror-$cc/solutions/opt/bin/bench-$l")
        [ -f "grader/$l/race.c" ] && targets+=("$build/werror-$cc/grader/opt/bin/race-$l")
    done
    for t in support/tests/*.c; do targets+=("$build/werror-$cc/solutions/san/bin/support-$(basename "$t" .c)"); done
    if make -s --no-print-directory -j2 CC=$cc BUILD="$build/werror-$cc" EXTRA_CFLAGS=-Werror \
        "${targets[@]}" >"$build/werror-$cc.log" 2>&1; then
        pass "$cc: solutions, skeletons, graders, demos and benchmarks"
    else
        fail "$cc build (see $build/werror-$cc.log)"
        grep -m 10 -E 'error|warning' "$build/werror-$cc.log"
    fi
done

step "3. the solutions score full marks (sanitized, and built for speed on every vector width)"
# The sanitized build is compiled for the baseline processor; the -O3 builds
# are compiled for SSE4.2 (x86-64-v2), AVX2 + FMA (x86-64-v3), this machine,
# and AVX-512 (x86-64-v4) where this machine can run it: every vector width
# the solutions' kernels compile to is graded on every host that can run it.
targets=("san:native" "opt:native" "opt:x86-64-v2" "opt:x86-64-v3")
grep -qw avx512f /proc/cpuinfo && grep -qw avx512bw /proc/cpuinfo && targets+=("opt:x86-64-v4")
# One grade of the solutions: its log and results go to files named after it.
# The other vector widths need only the solutions' libraries built for them:
# the native build's grader loads each in turn.
grade_solutions() {
    local mode=$1 arch=$2 name=test-solutions-$1-$2
    rm -f "$build/$name.json"
    if [ "$arch" = native ]; then
        make -s --no-print-directory BUILD="$build" grade IMPL=solutions GRADE_MODE=$mode \
            LESSON="${lessons[*]}" RESULTS="$build/$name.json" >"$build/$name.log" 2>&1
        return
    fi
    local libs=$build/arch-$arch/solutions/opt/lib l
    make -s --no-print-directory -j2 BUILD="$build/arch-$arch" ARCH="-march=$arch" \
        $(for l in "${lessons[@]}"; do echo "$libs/lib$l.so"; done) >"$build/$name.log" 2>&1 &&
        grader/grade.sh --impl solutions --mode opt --build "$build" --lib-dir "$libs" \
            --results "$build/$name.json" "${lessons[@]}" >>"$build/$name.log" 2>&1
}
# The two native grades side by side (a grade keeps about one core busy, and
# they share no build folder), then the other widths, two at a time, once the
# native grader they use is built.
for pair in "0 1" "2 3" "4"; do
    for t in $pair; do
        [ "$t" -lt ${#targets[@]} ] || continue
        IFS=: read -r mode arch <<<"${targets[t]}"
        grade_solutions "$mode" "$arch" &
    done
    wait
done
for target in "${targets[@]}"; do
    IFS=: read -r mode arch <<<"$target"
    name=test-solutions-$mode-$arch
    read -r score max < <(scores "$build/$name.json")
    label="$mode build"
    [ "$mode" = opt ] && label="-O3 -march=$arch build"
    if [ -n "${max:-}" ] && [ "$score" -eq "$max" ] && [ "$max" -gt 0 ]; then
        pass "solutions, $label: $score/$max"
    else
        fail "solutions, $label, scored ${score:-?}/${max:-?} (see $build/$name.log)"
        grep -A2 FAIL "$build/$name.log" | head -20
    fi
done
[ -f "$build/test-solutions-san-native.json" ] &&
    cp "$build/test-solutions-san-native.json" "$build/test-solutions.json"

step "4. the skeletons compile and score near zero"
make -s --no-print-directory BUILD="$build" grade IMPL=exercises LESSON="${lessons[*]}" RESULTS="$build/test-exercises.json" \
    >"$build/test-exercises.log" 2>&1
code=$?
read -r score max < <(scores "$build/test-exercises.json")
if [ $code -eq 0 ] && [ -n "${max:-}" ] && [ "$((score * 10))" -le "$max" ] &&
    ! grep -q "does not compile\|stopped early" "$build/test-exercises.log"; then
    pass "skeletons: $score/$max, every test ran"
else
    fail "skeletons scored ${score:-?}/${max:-?} or did not grade cleanly (see $build/test-exercises.log)"
fi
if command -v python3 >/dev/null; then
    for f in "$build/test-solutions.json" "$build/test-exercises.json"; do
        python3 -m json.tool "$f" >/dev/null && pass "$f is valid JSON" || fail "$f is not valid JSON"
    done
fi

step "5. the grader survives hostile code"
if grader/selftest/run.sh "$build" "${lessons[@]}"; then pass "self-test"; else fail "self-test"; fi

step "6. chapters match the code"
chapters=()
for l in "${lessons[@]}"; do chapters+=("lessons/$l.md"); done
if tools/chapter.sh "${chapters[@]}"; then pass "chapters"; else fail "chapters"; fi
# make grade groups the tests by the chapter's exercises: every suite that
# carries points must belong to one.
for l in "${lessons[@]}"; do
    mapped=$(tools/exercises.sh "$l" | cut -f1)
    lost=$(tools/graded-tests.sh "$l" | awk '$2 > 0 { sub(/\/.*/, "", $1); print $1 }' | sort -u |
        grep -vxF -f <(printf '%s\n' "$mapped") | tr '\n' ' ')
    if [ -z "$lost" ]; then
        pass "$l: every graded suite belongs to an exercise of the chapter"
    else
        fail "$l: suites with points that no exercise of the chapter names: $lost"
    fi
done

step "7. committed figure data are what the code produces"
for l in "${lessons[@]}"; do
    fresh=$(mktemp -d)
    make -s --no-print-directory BUILD="$build" "$build/solutions/opt/bin/demo-$l" >/dev/null 2>&1
    if ! tools/figures.sh "$build" "$l" "$fresh" >/dev/null 2>"$fresh.err"; then
        fail "$l: regenerating the figures failed: $(head -3 "$fresh.err")"
    else
        stale=""
        # Up to the last digits, which another processor's vector width may change.
        for f in "$fresh"/*.txt "$fresh"/*.dat; do
            committed=figures/$l/$(basename "$f")
            [ -f "$committed" ] && awk -f tools/numdiff.awk "$f" "$committed" >/dev/null ||
                stale="$stale $(basename "$f")"
        done
        for f in "$fresh"/*.png; do
            [ -f "figures/$l/$(basename "$f")" ] || stale="$stale $(basename "$f")"
        done
        if [ -z "$stale" ]; then
            pass "$l: $(ls "$fresh" | wc -l) files match"
        else
            fail "$l: out of date or missing:$stale (run 'make figures')"
        fi
    fi
    rm -rf "$fresh" "$fresh.err"
done

step "8. Valgrind"
if make -s --no-print-directory BUILD="$build" memcheck IMPL=solutions LESSON="${lessons[*]}"; then
    pass "memcheck"
else
    fail "memcheck"
fi

step "9. support library tests"
if make -s --no-print-directory -j2 BUILD="$build" support-test >"$build/support-test.log" 2>&1; then
    sed 's/^/  /' "$build/support-test.log"
    pass "support library"
else
    fail "support library tests (see $build/support-test.log)"
    grep -m 10 -E 'FAIL|error|warning' "$build/support-test.log"
fi

step "10. the Gradescope autograder (make autograder)"
# One small lesson is enough: the zip's machinery does not depend on it.
ag_lesson=02-softmax
[[ " ${lessons[*]} " == *" $ag_lesson "* ]] || ag_lesson=${lessons[0]}
if tools/autograder-test.sh "$build/autograder-test" "$ag_lesson" >"$build/autograder-test.log" 2>&1; then
    grep '^ok' "$build/autograder-test.log" | sed 's/^/  /'
    pass "autograder ($ag_lesson)"
else
    grep -E '^(ok|FAILED)' "$build/autograder-test.log" | sed 's/^/  /'
    fail "autograder (see $build/autograder-test.log)"
fi

step "11. lesson 08 against Google's S2 (libs2)"
# An independent oracle, never used by make grade: the benchmark's --check
# mode converts 10^6 random lat/lng pairs and 10^6 points (poles, +-180, cube
# edges and leaf boundaries among them) with the solution and with libs2,
# and compares the seed's two coverings with S2RegionCoverer.
if [[ " ${lessons[*]} " == *" 08-hilbert-s2 "* ]]; then
    oracle=$build/solutions/opt/bin/bench-08-hilbert-s2
    if ! make -s --no-print-directory -j2 BUILD="$build" "$oracle" >"$build/s2-oracle.log" 2>&1; then
        fail "lesson 08's S2 oracle does not build (see $build/s2-oracle.log)"
    elif "$oracle" --check >>"$build/s2-oracle.log" 2>&1; then
        grep -E '^  hs_|identical|contains' "$build/s2-oracle.log" | sed 's/^ */  /'
        pass "lesson 08 agrees with libs2"
    else
        grep -E 'FAILED|DIFFERENT|NOT|otherwise' "$build/s2-oracle.log" | head -10
        fail "lesson 08 disagrees with libs2 (see $build/s2-oracle.log)"
    fi
fi

step "12. the race (make race): the reference against itself, the skeletons"
race_lessons=()
for l in "${lessons[@]}"; do [ -f "grader/$l/race.c" ] && race_lessons+=("$l"); done
# One race: every line of its TSV has the status and verdict asked for.
race_check() {
    local impl=$1 want=$2 lesson=$3
    RACE_SECONDS=0.4 tools/race.sh "$build" "$impl" "$lesson" >>"$build/race-$impl.log" 2>&1 &&
        [ -s "$build/race/$impl/$lesson.tsv" ] &&
        awk -F'\t' -v want="$want" '$3 "\t" $9 !~ want { bad = 1 } END { exit bad }' \
            "$build/race/$impl/$lesson.tsv"
}
# The reference against itself, up to three runs: every kernel must be
# timed "as fast as the reference" in at least one of them.
race_self() {
    local lesson=$1
    local runs="$build/race/solutions/$lesson.runs"
    rm -f "$runs"
    for attempt in 1 2 3; do
        RACE_SECONDS=0.4 tools/race.sh "$build" solutions "$lesson" >>"$build/race-solutions.log" 2>&1 &&
            cat "$build/race/solutions/$lesson.tsv" >>"$runs"
        [ -s "$runs" ] && awk -F'\t' '{ even[$2] += ($3 "\t" $9 == "timed\tas fast as the reference") }
            END { for (k in even) if (!even[k]) exit 1 }' "$runs" && return 0
    done
    return 1
}
if [ ${#race_lessons[@]} -gt 0 ]; then
    rm -f "$build/race-solutions.log" "$build/race-exercises.log"
    race_targets=()
    for l in "${race_lessons[@]}"; do
        race_targets+=("$build/grader/opt/bin/race-$l" "$build/grader/opt/bin/sandbox-$l"
            "$build/solutions/opt/lib/lib$l.so" "$build/exercises/opt/lib/lib$l.so")
    done
    make -s --no-print-directory -j2 BUILD="$build" "${race_targets[@]}" >"$build/race-build.log" 2>&1 ||
        fail "the races do not build (see $build/race-build.log)"
    for l in "${race_lessons[@]}"; do
        # A shared machine can slow one side of a race: up to three runs
        # decide, each kernel passing if one of them called it even.
        if race_self "$l"; then
            pass "$l: the reference is as fast as itself in every race"
        else
            fail "$l: the reference raced itself to another verdict (see $build/race-solutions.log)"
        fi
        if race_check exercises '^wrong\twrong output' "$l"; then
            pass "$l: the skeleton gets no time, only \"wrong output\""
        else
            fail "$l: the skeleton was timed or failed otherwise (see $build/race-exercises.log)"
        fi
    done
fi

step "13. the book (make book) in headless Chromium"
# With step 4's results every test fails, so every hint becomes a link.
if ! pandoc --from markdown --to plain --lua-filter tools/book/test.lua </dev/null 2>"$build/book.log"; then
    fail "hints map to the wrong anchors (see $build/book.log)"
else
    sed 's/^/  /' "$build/book.log"
    pass "hints map to section anchors"
fi
if ! make -s --no-print-directory BUILD="$build" RESULTS="$build/test-exercises.json" book >"$build/book.log" 2>&1 ||
    grep -q WARNING "$build/book.log"; then
    fail "make book (see $build/book.log)"
    grep -m 10 -A 3 -E 'WARNING|rror' "$build/book.log"
elif node tools/book-check.js "$build/book" "$build/test-exercises.json" "$build/book-screenshot.png" \
    >"$build/book-check.log" 2>&1; then
    sed 's/^/  /' "$build/book.log" "$build/book-check.log"
    pass "the book reads in Chromium; screenshot: $build/book-screenshot.png"
else
    grep -m 20 . "$build/book-check.log"
    fail "the book in Chromium (see $build/book-check.log)"
fi

printf '(%ds)\n' $(($(date +%s) - step_start))
elapsed=$(($(date +%s) - start))
echo
if [ $failures -eq 0 ]; then
    echo "make test: all checks passed in ${elapsed}s"
else
    echo "make test: $failures check(s) failed (${elapsed}s)"
fi
echo "checks: $passes passed, $failures failed"
[ $failures -eq 0 ]
