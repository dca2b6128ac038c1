#!/usr/bin/env bash
# book.sh OUT RESULTS lessons/NN-name.md...: renders the chapters as a book of
# HTML pages in OUT: one page a chapter, a contents page (index.html), the
# figures and the style. Math becomes MathML (pandoc --mathml), which the
# browser typesets itself: the book reads offline and the build needs no more
# than pandoc. When RESULTS (a make grade's results.json) exists, the pages
# show its points and link failing tests to the sections their hints name.
set -euo pipefail
out=$1 results=$2
shift 2
[ -f "$results" ] || results=""
rm -rf "$out"
mkdir -p "$out/figures"
cp tools/book/book.css "$out/"

names=() titles=()
for chapter in "$@"; do
    names+=("$(basename "$chapter" .md)")
    titles+=("$(sed -n '1s/^# *//p' "$chapter")")
done

render() {
    pandoc --from markdown --to html5 --mathml --template tools/book/template.html \
        --lua-filter tools/book/book.lua --metadata results="$results" "$@"
}

for i in "${!names[@]}"; do
    name=${names[$i]}
    links=()
    if [ "$i" -gt 0 ]; then
        links+=(--metadata prev="${names[$i - 1]}" --metadata prev-title="${titles[$i - 1]}")
    fi
    if [ $((i + 1)) -lt ${#names[@]} ]; then
        links+=(--metadata next="${names[$i + 1]}" --metadata next-title="${titles[$i + 1]}")
    fi
    render "lessons/$name.md" --metadata lesson="$name" --metadata pagetitle="${titles[$i]}" \
        "${links[@]}" --output "$out/$name.html"
    { grep -o '](\.\./figures/[^)]*\.png)' "lessons/$name.md" || true; } | sed 's/^](\.\.\///; s/)$//' |
        while read -r figure; do
            mkdir -p "$out/$(dirname "$figure")"
            cp "$figure" "$out/$figure"
        done
done

chapters=()
for name in "${names[@]}"; do chapters+=(--metadata chapters="$name"); done
render --metadata pagetitle="$(sed -n '1s/^# *//p' README.md)" "${chapters[@]}" \
    --output "$out/index.html" </dev/null

echo "book: $((${#names[@]} + 1)) pages in $out/index.html${results:+ (progress from $results)}"
