#!/bin/sh
# skeletons.sh SOLUTION_DIR EXERCISE_DIR [--check]
#
# Writes the student's skeleton for one lesson: every file of the solution,
# with the code between "// BEGIN SOLUTION" and "// END SOLUTION" removed
# from its .c and .h files and "// STUB:" lines turned into code (see
# tools/skeleton.awk).
# With --check, writes nothing and fails if EXERCISE_DIR is not up to date.
set -eu
src=$1 dst=$2 mode=${3:-write}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in "$src"/*; do
    name=$(basename "$f")
    case "$name" in
    *.c | *.h) awk -f "$(dirname "$0")/skeleton.awk" "$f" >"$tmp/$name" ;;
    *) cp "$f" "$tmp/$name" ;;
    esac
done

if [ "$mode" = --check ]; then
    if ! diff -r "$tmp" "$dst" >"$tmp.diff" 2>&1; then
        echo "$dst is out of date with $src:" >&2
        head -n 20 "$tmp.diff" >&2
        echo "run 'make skeletons LESSON=$(basename "$src")' (it overwrites $dst)" >&2
        rm -f "$tmp.diff"
        exit 1
    fi
    rm -f "$tmp.diff"
    exit 0
fi

mkdir -p "$dst"
rm -f "$dst"/*
cp "$tmp"/* "$dst"/
echo "wrote $dst from $src"
