#!/usr/bin/env bash
# autograder-test.sh BUILD [LESSON]: tests `make autograder` without Gradescope.
#
# Builds the zip for one lesson (default 02-softmax, a quick one) with a
# hidden test, unpacks it into a temporary directory laid out like
# Gradescope's /autograder (source/, submission/, results/; AG_ROOT points
# run_autograder there, so no root access is needed), runs setup.sh (which
# installs nothing when the dependencies are present) and run_autograder on
# four submissions, and checks each results.json against Gradescope's
# documented format (gradescope-autograders.readthedocs.io, "Autograder
# Specifications") and the score it should give:
#   solutions   the reference solutions: full marks
#   skeletons   the untouched exercise files: near zero
#   broken      a file that does not compile, plus files to ignore: 0, the
#               compiler's error in the output
#   hostile     a function that floods stdout and calls exit, a renamed
#               function (one only the grader calls), a missing file, extra
#               files: some points, a bounded results.json, each problem named
# Exits non-zero if any check fails.
set -u
build=${1:-build}
lesson=${2:-02-softmax}
failures=0
pass() { echo "ok: autograder: $1"; }
fail() { echo "FAILED: autograder: $1"; failures=$((failures + 1)); }

root=$(mktemp -d "${TMPDIR:-/tmp}/autograder-test.XXXXXX")
[ -n "${AG_TEST_KEEP:-}" ] && echo "autograder test: keeping $root" || trap 'rm -rf "$root"' EXIT
hidden=$root/hidden.txt
first=$(tools/graded-tests.sh "$lesson" | head -1 | cut -d' ' -f1)
printf '# shown after publication\n%s\n' "$first" >"$hidden"

if ! make -s --no-print-directory autograder BUILD="$build" LESSON="$lesson" HIDDEN="$hidden" >"$root/make.log" 2>&1; then
    fail "make autograder failed: $(tail -3 "$root/make.log")"
    exit 1
fi
# A typo in the hidden list must stop the build.
echo "nosuch/test" >"$root/typo.txt"
if make -s --no-print-directory autograder BUILD="$build/typo" LESSON="$lesson" HIDDEN="$root/typo.txt" >/dev/null 2>&1; then
    fail "HIDDEN naming no test was accepted"
else
    pass "HIDDEN naming no test is refused"
fi
rm -rf "$build/typo"

ag=$root/ag
mkdir -p "$ag/source"
unzip -q "$build/autograder.zip" -d "$ag/source"
for f in setup.sh run_autograder; do
    [ -x "$ag/source/$f" ] || fail "$f is not at the zip's root, executable"
done
if ! (cd "$ag/source" && ./setup.sh) >"$root/setup.log" 2>&1; then
    fail "setup.sh failed: $(tail -3 "$root/setup.log")"
fi
if unzip -l "$build/autograder.zip" | grep -q "solutions/.*\.c$"; then
    fail "the zip holds solution code"
fi

# Checks results.json against Gradescope's fields; prints "score max".
validate() {
    local json=$1 problems=""
    if command -v python3 >/dev/null && ! python3 -m json.tool "$json" >/dev/null 2>&1; then
        echo "invalid JSON"
        return
    fi
    head -1 "$json" | grep -q '^{"score": [0-9]*, "execution_time": [0-9]*, "output": ".*", "visibility": "visible", "stdout_visibility": "hidden", "tests": \[$' ||
        problems+=" header"
    tail -1 "$json" | grep -qx '\]}' || problems+=" end"
    # Every test: name, score, max_score, status passed|failed, output; an
    # optional visibility of Gradescope's four values.
    local bad
    bad=$(sed '1d;$d' "$json" | grep -cv '^{\("visibility": "\(hidden\|after_due_date\|after_published\|visible\)", \)\{0,1\}"name": "[^"]*", "score": [0-9]*, "max_score": [0-9]*, "status": "\(passed\|failed\)", "output": ".*"},\{0,1\}$')
    [ "$bad" -eq 0 ] || problems+=" $bad-malformed-tests"
    local sum max
    sum=$(sed -n 's/.*"score": \([0-9]*\), "max_score".*/\1/p' "$json" | awk '{ s += $1 } END { print s + 0 }')
    max=$(sed -n 's/.*"max_score": \([0-9]*\), "status".*/\1/p' "$json" | awk '{ s += $1 } END { print s + 0 }')
    local score
    score=$(sed -n '1s/^{"score": \([0-9]*\),.*/\1/p' "$json")
    [ "$score" = "$sum" ] || problems+=" score-is-not-the-tests'-sum"
    if [ -n "$problems" ]; then echo "malformed:$problems"; else echo "$score $max"; fi
}

# run NAME: grades $ag/submission; leaves results in $root/NAME.json.
run() {
    rm -rf "$ag/results" "$ag/work"
    mkdir -p "$ag/results"
    local t0=$SECONDS
    (cd "$ag" && AG_ROOT="$ag" timeout 600 source/run_autograder) >"$root/$1.stdout" 2>&1
    echo "  ($1 graded in $((SECONDS - t0))s)"
    cp "$ag/results/results.json" "$root/$1.json" 2>/dev/null || echo '{}' >"$root/$1.json"
    rm -rf "$ag/submission"
    mkdir -p "$ag/submission"
}
output_of() { sed -n '1s/.*"output": "\(.*\)", "visibility".*/\1/p' "$root/$1.json"; }

mkdir -p "$ag/submission"
s=$ag/submission

# 1. the reference solutions
cp solutions/"$lesson"/*.c "$s/"
run solutions
read -r score max < <(validate "$root/solutions.json")
if [ "$score" = "$max" ] && [ "${max:-0}" -gt 0 ] 2>/dev/null; then
    pass "solutions: $score/$max, results.json well-formed"
else
    fail "solutions: ${score:-?} ${max:-?} (see $root/solutions.stdout)"
fi
if grep -q "^{\"visibility\": \"after_published\", \"name\": \"$lesson: $first\"" "$root/solutions.json" &&
    [ "$(grep -c after_published "$root/solutions.json")" -eq 1 ]; then
    pass "the hidden test $first is after_published, and only it"
else
    fail "the hidden test $first is not marked after_published (alone)"
fi

# 2. the skeletons
cp exercises/"$lesson"/*.c "$s/"
run skeletons
read -r score max < <(validate "$root/skeletons.json")
if [ "${max:-0}" -gt 0 ] 2>/dev/null && [ $((score * 10)) -le "$max" ]; then
    pass "skeletons: $score/$max"
else
    fail "skeletons: ${score:-?} ${max:-?}"
fi

# 3. a file that does not compile, and files to ignore
cp solutions/"$lesson"/*.c "$s/"
victim=$(ls "$s" | head -1)
printf '\nint this_is_not_c(void) { return missing_variable; }\n' >>"$s/$victim"
echo "my notes" >"$s/notes.txt"
cp exercises/"$lesson"/*.h "$s/"
run broken
read -r score max < <(validate "$root/broken.json")
out=$(output_of broken)
if [ "$score" = 0 ] && [ "${max:-0}" -gt 0 ] 2>/dev/null &&
    grep -q "does not compile" <<<"$out" && grep -q "missing_variable" <<<"$out" &&
    grep -q "did not compile: the compiler" "$root/broken.json" &&
    grep -q "ignored notes.txt" <<<"$out" && grep -q "ignored [a-z_0-9]*\.h: only .c files" <<<"$out"; then
    pass "non-compiling submission: $score/$max, the compiler's error and the ignored files in the output"
else
    fail "non-compiling submission: ${score:-?}/${max:-?}, output: ${out:0:300}"
fi

# 4. hostile: the first function of one file floods the output and calls
#    exit; in another file, the first public function that no other file
#    calls is renamed; one file is missing; extra files.
# The functions a file defines that are not static, in order.
public_functions() {
    grep -E '^[a-z_]+[ *]+[a-z]+_[a-z_0-9]+\(' "$1" | grep -v '^static' |
        sed -E 's/^[a-z_]+[ *]+([a-z_0-9]+)\(.*/\1/'
}
first_function() { public_functions "$1" | head -1; }
# The first of them that the lesson's other files do not call: renaming one
# they call leaves the whole library unloadable, a different scenario.
first_uncalled_function() {
    local dir file f fn others=()
    dir=$(dirname "$1") file=$(basename "$1")
    for f in "$dir"/*.c; do [ "$(basename "$f")" = "$file" ] || others+=("$f"); done
    for fn in $(public_functions "$1"); do
        grep -qE "\b$fn\(" /dev/null "${others[@]}" || { echo "$fn"; return; }
    done
}
cp solutions/"$lesson"/*.c "$s/"
mapfile -t files < <(cd "$s" && ls -- *.c)
flood=${files[0]} renamed=${files[1]} missing=${files[2]}
rm "$s/$missing"
fn=$(first_function "$s/$flood")
sed -i "1i #include <stdio.h>\n#include <stdlib.h>\n#define $fn real_$fn" "$s/$flood"
cat >>"$s/$flood" <<EOF
#undef $fn
void $fn(void);
void $fn(void)
{
    for (int i = 0; i < 200000; i++) {
        printf("flood %d: ........................................................\\n", i);
        fprintf(stderr, "\\033[2J\\033]0;escape\\007 flood %d\\n", i);
    }
    exit(0);
}
EOF
rfn=$(first_uncalled_function "solutions/$lesson/$renamed")
[ -n "$rfn" ] || fail "hostile submission: every public function of $renamed is called by another file"
sed -i "s/\\b$rfn(/${rfn}_v2(/" "$s/$renamed"
mkdir -p "$s/extra/__MACOSX"
head -c 3000000 /dev/zero | tr '\0' x >"$s/extra/big.log"
echo junk >"$s/extra/__MACOSX/._x"
run hostile
read -r score max < <(validate "$root/hostile.json")
out=$(output_of hostile)
size=$(stat -c %s "$root/hostile.json")
if [ "${max:-0}" -gt 0 ] 2>/dev/null && [ "$score" -gt 0 ] && [ "$score" -lt "$max" ] &&
    [ "$size" -lt 200000 ] && grep -q "skeleton's version is used: $missing" <<<"$out" &&
    grep -q "ignored extra/big.log" <<<"$out"; then
    pass "hostile submission ($fn floods and exits, $rfn renamed, $missing missing): $score/$max, results.json $size bytes"
else
    fail "hostile submission: ${score:-?}/${max:-?}, $size bytes, output: ${out:0:300}"
fi
for what in "called exit(0) in ${fn}" "${rfn} is missing from your code"; do
    if grep -q "\"status\": \"failed\", \"output\": \"[^\"]*${what}" "$root/hostile.json"; then
        pass "hostile submission: a test says \"${what}\""
    else
        fail "hostile submission: no test says \"${what}\""
    fi
done
[ "$failures" -eq 0 ]
