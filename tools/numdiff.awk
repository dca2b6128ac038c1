# numdiff.awk: are two text files the same up to rounding?
#
#     awk -f tools/numdiff.awk fresh.txt committed.txt
#
# The text between numbers must match exactly; each number must agree with
# its counterpart to a relative 1e-6 (or an absolute 1e-9, for values that
# are rounding noise themselves). The demos are built with -march=native,
# and a processor with another vector width sums in another order: the last
# digits of a result may change, nothing else may. Exits 1 and prints the
# first line that differs by more.
function split_numbers(line, parts,    n, number) {
    n = 0
    number = "[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?"
    while (match(line, number)) {
        parts[++n] = substr(line, 1, RSTART - 1)
        parts[++n] = substr(line, RSTART, RLENGTH)
        line = substr(line, RSTART + RLENGTH)
    }
    parts[++n] = line
    return n
}

function close_enough(x, y,    scale) {
    x += 0; y += 0
    scale = x < 0 ? -x : x
    if (y > scale) scale = y
    if (-y > scale) scale = -y
    return (x - y <= 1e-6 * scale + 1e-9) && (y - x <= 1e-6 * scale + 1e-9)
}

function same(a, b,    pa, pb, na, nb, i) {
    na = split_numbers(a, pa)
    nb = split_numbers(b, pb)
    if (na != nb) return 0
    for (i = 1; i <= na; i++)
        if (i % 2 == 1 ? pa[i] != pb[i] : !close_enough(pa[i], pb[i])) return 0
    return 1
}

BEGIN {
    a = ARGV[1]; b = ARGV[2]
    if (a == b) exit 0 # one stream: getline would alternate between them
    for (n = 1; ; n++) {
        ra = (getline la < a); rb = (getline lb < b)
        if (ra < 0 || rb < 0) { print "numdiff: cannot read " (ra < 0 ? a : b); exit 2 }
        if (ra == 0 && rb == 0) exit 0
        if (ra == 0 || rb == 0) { print "line " n ": one file ends here"; exit 1 }
        if (!same(la, lb)) { print "line " n ": " la "  |  " lb; exit 1 }
    }
}
