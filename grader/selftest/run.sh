#!/usr/bin/env bash
# run.sh BUILD LESSON...: the grader's self-test.
#
# 1. Attacks on the grader itself (attacks.c), for every lesson: linked into
#    the skeleton, which does no work, each must leave the grade at 0; linked
#    into the solution, which does all of it, the grade must be full, or 0 when
#    the attack breaks a limit (graded on the lesson's first suite). In every
#    case the results files must say the same a few seconds after grading
#    ended, and no process may be left.
# 2. Deliberately broken implementations (hostile-<lesson>.c): every test must
#    end as expected-<lesson>.tsv says, with the right message, in bounded
#    time, with the output capped.
set -u
build=${1:-build}
shift
lessons=("$@")
[ ${#lessons[@]} -eq 0 ] && lessons=($(ls grader/*/calls.def | cut -d/ -f2))
status=0
flags=(-std=c11 -O1 -g -fPIC -fopenmp-simd -fno-omit-frame-pointer
       -fsanitize=address,undefined -fno-sanitize-recover=all -w)
mkdir -p "$build/selftest"
# Absolute: the check for processes left behind looks for this path.
root=$(cd "$build/selftest" && pwd)
rm -rf "${root:?}"/*

# Builds lib<lesson>.so into $dir from the given sources and objects.
build_lib() {
    local dir=$1 lesson=$2
    shift 2
    mkdir -p "$dir"
    gcc "${flags[@]}" -shared -Isupport -Igrader/selftest "$@" "$root"/obj/support/*.o -lm \
        -o "$dir/lib$lesson.so" 2>"$dir/build.log"
}

# objects DIR FLAGS... -- SOURCES...: compiles each source into DIR, once.
# The attacks differ only in attacks.c, so a lesson's own code and support/
# are compiled one time, not once per attack.
objects() {
    local dir=$1 args=() src
    shift
    while [ "$1" != -- ]; do args+=("$1"); shift; done
    shift
    [ -f "$dir/done" ] && return 0
    mkdir -p "$dir"
    local running=() failed=0 # two compilers at a time, one a core
    for src in "$@"; do
        gcc "${flags[@]}" "${args[@]}" -c "$src" -o "$dir/$(basename "$src" .c).o" \
            2>>"$dir/build.log" &
        running+=($!)
        if [ ${#running[@]} -ge 2 ]; then
            wait "${running[0]}" || failed=1
            running=("${running[@]:1}")
        fi
    done
    for pid in "${running[@]}"; do wait "$pid" || failed=1; done
    [ "$failed" -eq 0 ] && touch "$dir/done"
}

score_of() { sed -n '1s/^{"score": \([0-9]*\), "max_score": \([0-9]*\).*/\1 \2/p' "$1"; }

leftovers() { pgrep -f "$root/" | grep -v "^$$\$" | wc -l; }

if ! objects "$root/obj/support" -Isupport -- support/*.c; then
    echo "selftest: support/ did not build (see $root/obj/support/build.log)"
    exit 1
fi
if ! make -s --no-print-directory BUILD="$build" grader-bins IMPL=solutions GRADE_MODE=san LESSON="${lessons[*]}" \
    >"$root/build.log" 2>&1; then
    echo "selftest: the grader did not build (see $root/build.log)"
    exit 1
fi

# case, the implementation it is added to, and the expected grade: 0 or full.
# outlive comes first: its escaped child would strike 3 s later, while the
# other cases run, and the results are compared after them all.
cases=(outlive:exercises:0 forge:exercises:0 destructor:exercises:0 register:exercises:0
       terminal:exercises:0 signals:solutions:full flood:solutions:full memory:solutions:0)
for lesson in "${lessons[@]}"; do
    summary=""
    # The attacks act when the library loads, before any test's own work:
    # one suite of the lesson shows what they do to a grade, at a fraction of
    # the time of the whole lesson. The hostile implementations below go
    # through every test.
    first_suite=$(tools/graded-tests.sh "$lesson" | sed -n '1s|/.*||p')
    for c in "${cases[@]}"; do
        IFS=: read -r name impl want <<<"$c"
        dir=$root/$name-$lesson
        macro=ATTACK_$(tr a-z A-Z <<<"$name")
        objs=$root/obj/$impl-$lesson
        if ! objects "$objs" -Isupport -I"$impl/$lesson" -- "$impl/$lesson"/*.c ||
            ! build_lib "$dir" "$lesson" -D"$macro" grader/selftest/attacks.c "$objs"/*.o; then
            echo "selftest $lesson/$name: did not build: $(cat "$objs/build.log" "$dir/build.log" 2>/dev/null | head -3)"
            status=1
            continue
        fi
        start=$(date +%s)
        grader/grade.sh --impl "$impl" --mode san --build "$build" --seed 1 --lib-dir "$dir" \
            --only "$first_suite/*" --results "$dir/results.json" "$lesson" >"$dir/grade.log" 2>&1
        elapsed=$(($(date +%s) - start))
        read -r score max < <(score_of "$dir/results.json")
        expected=$([ "$want" = full ] && echo "${max:-x}" || echo 0)
        if [ "${score:-?}" != "$expected" ] || [ "${max:-0}" -eq 0 ]; then
            echo "selftest $lesson/$name: expected $expected points, came ${score:-?}/${max:-?} (see $dir/grade.log)"
            status=1
        fi
        if LC_ALL=C grep -q $'[\x1b\xff]' "$dir/grade.log" "$dir/grade/$lesson.tsv" 2>/dev/null; then
            echo "selftest $lesson/$name: control characters reached the report"
            status=1
        fi
        [ "$elapsed" -gt 120 ] && { echo "selftest $lesson/$name: grading took ${elapsed}s"; status=1; }
        summary="$summary $name=${score:-?}"
        cp "$dir/results.json" "$dir/results.first"
    done
    for c in "${cases[@]}"; do
        IFS=: read -r name impl want <<<"$c"
        dir=$root/$name-$lesson
        if ! cmp -s "$dir/results.json" "$dir/results.first" ||
            grep -q '"score": 1000' "$build/results.json" 2>/dev/null; then
            echo "selftest $lesson/$name: the results were rewritten after grading"
            status=1
        fi
    done
    n=$(leftovers)
    if [ "$n" -ne 0 ]; then
        echo "selftest $lesson: $n processes were left behind:"
        pgrep -af "$root/" | head -5
        pkill -9 -f "$root/"
        status=1
    fi
    echo "selftest $lesson: attacks scored$summary (out of ${max:-?})"
done

# Broken implementations, test by test: the reference solution compiled with
# its functions renamed real_*, under hostile versions of the public names.
for expected in grader/selftest/expected-*.tsv; do
    lesson=$(basename "$expected" .tsv)
    lesson=${lesson#expected-}
    [[ " ${lessons[*]} " == *" $lesson "* ]] || continue
    dir=$root/hostile-$lesson
    objs=$root/obj/hostile-$lesson
    if ! objects "$objs" -Isupport -Igrader/selftest -Isolutions/$lesson \
        -include grader/selftest/rename-$lesson.h -- solutions/$lesson/*.c \
        grader/selftest/hostile-$lesson.c || ! build_lib "$dir" "$lesson" "$objs"/*.o; then
        echo "selftest $lesson: the hostile implementation did not build:"
        cat "$objs/build.log" "$dir/build.log" 2>/dev/null | head -20
        status=1
        continue
    fi
    out=$dir/grade
    mkdir -p "$out"
    start=$(date +%s)
    GRADE_OUT=$out GRADE_SEED=1 GRADE_STUDENT_LIB=$dir/lib$lesson.so timeout -k 5 120 \
        "$build/grader/san/bin/grade-$lesson" >"$out/run.log" 2>&1
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
        line=$(awk -F'\t' -v id="$id" '$1 == id { print; exit }' "$out/$lesson.tsv")
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
    biggest=$(find "$out/run-$lesson" -name '*.out' -printf '%s\n' | sort -n | tail -1)
    if [ "${biggest:-0}" -gt 1100000 ]; then
        echo "selftest $lesson: a test's captured output is $biggest bytes; the cap failed"
        status=1
    fi
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
    echo "selftest $lesson: $checked hostile outcomes checked (${elapsed}s)"
done
exit $status
