# skeleton.awk: turns a reference solution into the student's skeleton.
#
# In solutions/, code that students must write sits between marker lines:
#
#     // TODO: what to do, shown to the student        (kept)
#     // STUB: return LR_ERR_TODO;                      (becomes code)
#     // BEGIN SOLUTION
#     ... the reference code ...                         (removed)
#     // END SOLUTION
#
# Everything outside the markers is copied unchanged, so the skeleton cannot
# drift from the solution: `make skeletons` regenerates it and `make test`
# checks that the committed copy is up to date.
# Usage: awk -f tools/skeleton.awk solutions/NN-x/file.c > exercises/NN-x/file.c

/^[ \t]*\/\/ BEGIN SOLUTION[ \t]*$/ {
    if (inside) fail("nested BEGIN SOLUTION")
    inside = 1; start = FNR; next
}
/^[ \t]*\/\/ END SOLUTION[ \t]*$/ {
    if (!inside) fail("END SOLUTION without BEGIN SOLUTION")
    inside = 0
    top_level = ($0 ~ /^\/\//)   # a whole helper went: drop its blank line too
    next
}
inside { next }
top_level { top_level = 0; if ($0 == "") next }
/^[ \t]*\/\/ STUB: / {
    sub(/\/\/ STUB: /, "")
    print; next
}
{ print }
END {
    if (inside) { FNR = start; fail("BEGIN SOLUTION is never closed") }
}
function fail(message) {
    printf "%s:%d: %s\n", FILENAME, FNR, message > "/dev/stderr"
    exit 1
}
