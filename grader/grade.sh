#!/usr/bin/env bash
# grade.sh: builds and runs each lesson's tests, prints a score table with a
# hint for every failing test, and writes Gradescope's results.json.
#
# Called by `make grade`; see `make help`. Every test and its points are read
# from the GRADED_TEST lines of grader/<lesson>/*.c, so a lesson whose code
# does not compile, or whose grader dies, still shows every test it lost.
# Exits 0 whenever grading completed, whatever the score.
set -u

impl=exercises mode=san build=build seed=20261123 results=build/results.json verbose="" lib_dir=""
only="" # a glob of test names: grade just those (the self-test's attacks)
lessons=()
while [ $# -gt 0 ]; do
    case "$1" in
    --impl) impl=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;; # san (default), or opt: the -O3 build with the fast paths
    --build) build=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --verbose) verbose=1; shift ;;
    --lib-dir) lib_dir=$2; shift 2 ;; # grade lib<lesson>.so from there (the self-test)
    --only) only=$2; shift 2 ;;
    *) lessons+=("$1"); shift ;;
    esac
done

out=$build/grade/$impl-$mode
[ -n "$lib_dir" ] && out=$lib_dir/grade
mkdir -p "$out" "$(dirname "$results")"
# Wall-clock limit for one lesson's whole grader; each test has its own 2 s.
LESSON_LIMIT=${GRADE_LESSON_LIMIT:-300}

if [ -t 1 ]; then
    green=$'\e[32m' red=$'\e[31m' bold=$'\e[1m' dim=$'\e[2m' plain=$'\e[0m'
else
    green="" red="" bold="" dim="" plain=""
fi

json_escape() {
    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/ /g' | tr -d '\000-\037'
}

# One failing test in full: its message, the chapter section, and with
# --verbose what the student's code printed.
print_test() {
    local id=$1 points=$2 got=$3 status=$4 section=$5 message=$6
    if [ "$status" = pass ]; then
        printf '    %sok%s    %-50s %2d/%d\n' "$green" "$plain" "$id" "$got" "$points"
        return
    fi
    printf '    %sFAIL%s  %-50s %2d/%d\n' "$red" "$plain" "$id" "$got" "$points"
    [ -z "$problem" ] && printf '          %s\n' "$message"
    [ -n "$section" ] &&
        printf '          %shint: lessons/%s.md, section %s%s\n' "$dim" "$lesson" "$section" "$plain"
    local output=$out/run-$lesson/${id/\//.}.out
    if [ -n "$verbose" ] && [ -s "$output" ]; then
        echo "          --- your code printed ---"
        # Printable characters only: no escape sequences reach the terminal.
        head -c 2000 "$output" | LC_ALL=C tr -c '\n[:print:]' '?' | head -n 30 |
            sed 's/^/          | /'
    fi
}

# The lesson's results grouped by exercise, in the chapter's order: a
# finished exercise in one line, the first unfinished one (of the whole run)
# test by test, the others as counts; --verbose shows every test.
report_lesson() {
    local numbers n r id points got status section number message
    # Exercises in order, then the given code's tests (number 0), if any.
    numbers=$(printf '%s\n' "${outcomes[@]}" | cut -d "$sep" -f6 | sort -n -u | sed '/^0$/{h;d};${G;s/^\n//}')
    for n in $numbers; do
        local sum=0 sum_max=0 failing=0 tests=0
        for r in "${outcomes[@]}"; do
            IFS=$sep read -r id points got status section number message <<<"$r"
            [ "$number" = "$n" ] || continue
            sum=$((sum + got)) sum_max=$((sum_max + points)) tests=$((tests + 1))
            [ "$status" = pass ] || failing=$((failing + 1))
        done
        local name="Exercise $n, ${exercise_title[$n]:-}"
        [ "$n" = 0 ] && name="given code (no points)"
        if [ "$failing" -eq 0 ]; then
            printf '  %sdone%s  %-52s %2d/%d\n' "$green" "$plain" "$name" "$sum" "$sum_max"
            [ -z "$verbose" ] && continue
        elif [ -n "$verbose" ] || [ -z "$next" ]; then
            printf '  %s%-58s %2d/%d%s\n' "$bold" "$name" "$sum" "$sum_max" "$plain"
        else
            printf '  %s....%s  %-52s %2d/%d  %s(%d of %d tests to go)%s\n' "$red" "$plain" "$name" \
                "$sum" "$sum_max" "$dim" "$failing" "$tests" "$plain"
            continue
        fi
        local first_section=""
        for r in "${outcomes[@]}"; do
            IFS=$sep read -r id points got status section number message <<<"$r"
            [ "$number" = "$n" ] || continue
            print_test "$id" "$points" "$got" "$status" "$section" "$message"
            [ "$status" != pass ] && [ -z "$first_section" ] && first_section=$section
        done
        if [ -z "$next" ] && [ "$failing" -gt 0 ]; then
            next="$lesson $name"
            [ "$n" != 0 ] && next="$lesson Exercise $n (${exercise_title[$n]:-})"
            [ -n "$first_section" ] && next="$next, lessons/$lesson.md section $first_section"
        fi
    done
}

# Fields of one test's outcome; not a tab, which read would merge when empty.
sep=$'\x1f'
total=0 total_max=0 next=""
jsonl_all=$out/all.jsonl
: >"$jsonl_all"

for lesson in "${lessons[@]}"; do
    title=$(sed -n '1s/^# *//p' "lessons/$lesson.md" 2>/dev/null)
    echo "${bold}== $lesson${title:+: $title}${plain}"
    table=$(tools/graded-tests.sh "$lesson")
    filter=()
    if [ -n "$only" ]; then
        table=$(while read -r id points; do [[ "$id" == $only ]] && echo "$id $points"; done <<<"$table")
        filter=(--filter "$only")
    fi
    tsv=$out/$lesson.tsv
    rm -f "$tsv" "$out/$lesson.jsonl"

    build_log=$out/$lesson.build.log
    problem=""
    if ! make -s --no-print-directory -j2 grader-bins BUILD="$build" LESSON="$lesson" IMPL="$impl" \
        GRADE_MODE="$mode" >"$build_log" 2>&1; then
        problem="did not compile"
        echo "  ${red}your code does not compile${plain}; the first errors:"
        grep -m 5 -E 'error|undefined reference' "$build_log" | sed 's/^/    /'
        echo "  ${dim}(full log: $build_log)${plain}"
    else
        run_log=$out/$lesson.run.log
        GRADE_OUT=$out GRADE_SEED=$seed GRADE_STUDENT_LIB=${lib_dir:-$build/$impl/$mode/lib}/lib$lesson.so \
            timeout -k 5 "$LESSON_LIMIT" "$build/grader/$mode/bin/grade-$lesson" "${filter[@]}" >"$run_log" 2>&1
        code=$?
        if [ ! -s "$tsv" ]; then
            problem="the grader stopped early (exit code $code)"
            echo "  ${red}the grader for this lesson stopped early${plain} (log: $run_log)"
        fi
    fi

    # Read once: nothing below looks at the files again.
    lesson_results=$( [ -f "$tsv" ] && LC_ALL=C tr -c '\t\n[:print:]' '?' <"$tsv" )
    jsonl=$( [ -f "$out/$lesson.jsonl" ] && cat "$out/$lesson.jsonl" )
    passed=0 count=0 score=0 max=0 outcomes=()
    declare -A exercise_of=() exercise_title=()
    while IFS=$'\t' read -r suite number title; do
        [ -n "$suite" ] && exercise_of[$suite]=$number exercise_title[$number]=$title
    done < <(tools/exercises.sh "$lesson")
    while read -r id points; do
        count=$((count + 1))
        max=$((max + points))
        # The test's line by exact name; its points are the grader's, not the file's.
        line=$(awk -F'\t' -v id="$id" '$1 == id { print; exit }' <<<"$lesson_results")
        name=$(printf '%s: %s' "$lesson" "$id" | json_escape)
        entry=$(grep -m1 -F "{\"name\": \"$name\", " <<<"$jsonl")
        if [ -n "$line" ] && [ -n "$entry" ]; then
            IFS=$'\t' read -r _ _ _ status section message <<<"$line"
            got=0
            [ "$status" = pass ] && got=$points
        else
            got=0 status=fail section="" message="${problem:-did not run (the grader stopped early)}"
            text=$(printf '%s' "$message" | json_escape)
            entry=$(printf '{"name": "%s", "score": 0, "max_score": %d, "status": "failed", "output": "%s"}' \
                "$name" "$points" "$text")
        fi
        printf '%s\n' "$entry" >>"$jsonl_all"
        score=$((score + got))
        [ "$status" = pass ] && passed=$((passed + 1))
        suite=${id%%/*}
        outcomes+=("$id$sep$points$sep$got$sep$status$sep$section$sep${exercise_of[$suite]:-0}$sep$message")
    done <<<"$table"
    report_lesson
    # A result for a test the grader's sources do not declare earns nothing.
    while IFS=$'\t' read -r id _; do
        [ -z "$id" ] && continue
        if ! awk -v id="$id" '$1 == id { found = 1 } END { exit !found }' <<<"$table"; then
            printf '  %sunknown test %s: not in the grader'"'"'s sources, ignored%s\n' "$red" "$id" "$plain"
        fi
    done <<<"$lesson_results"
    echo "  ${bold}$lesson: $passed of $count tests passed, $score/$max points${plain}"
    echo
    total=$((total + score))
    total_max=$((total_max + max))
done

{
    printf '{"score": %d, "max_score": %d, "visibility": "visible", "tests": [\n' "$total" "$total_max"
    sed '$!s/$/,/' "$jsonl_all"
    printf ']}\n'
} >"$results"

echo "${bold}Total: $total/$total_max points${plain}  (seed $seed; results in $results)"
[ -n "$next" ] && echo "${bold}next:${plain} $next"
[ -z "$verbose" ] && [ "$total" -lt "$total_max" ] &&
    echo "${dim}Run with VERBOSE=1 to see what your code printed in failing tests.${plain}"
exit 0
