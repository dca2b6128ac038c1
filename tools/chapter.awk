# chapter.awk: refreshes the code excerpts and program outputs quoted in a
# chapter from the files they come from (the way Crafting Interpreters keeps
# its book and its code as one artefact).
#
# In the chapter, a marker line names the source of the fenced block after it:
#
#     <!-- code: solutions/01-regression/errors.c lr_error_sse -->
#     ```c
#     ... the function lr_error_sse, as it is in the file ...
#     ```
#
#     <!-- output: figures/01-regression/closed_form.txt -->
#     ```text
#     ... the file's contents ...
#     ```
#
# A code excerpt is a function definition (from its signature line to the
# closing brace in column 0) or a typedef (from "typedef" to "} name;"), with
# the skeleton markers (TODO, STUB, BEGIN/END SOLUTION) left out.
# Prints the chapter with every block refreshed; tools/chapter.sh diffs it.

function fail(message) {
    printf "%s:%d: %s\n", FILENAME, FNR, message > "/dev/stderr"
    failed = 1
}

function is_marker_line(line) {
    return line ~ /^[ \t]*\/\/ (BEGIN|END) SOLUTION[ \t]*$/ || line ~ /^[ \t]*\/\/ STUB: /
}

function extract_code(path, name,    line, out, on, pending, in_todo, found) {
    out = ""; on = 0; pending = ""
    while ((getline line < path) > 0) {
        if (!on && line ~ ("^[A-Za-z].*[^A-Za-z0-9_]" name "\\(") && line !~ /;[ \t]*$/)
            on = 1
        if (!on && line ~ /^typedef/) pending = ""
        if (!on && (line ~ /^typedef/ || pending != "")) {
            pending = pending line "\n"
            if (line ~ ("^} " name ";")) { out = pending; found = 1; break }
            if (line ~ /^}/) pending = ""
            continue
        }
        if (!on) continue
        if (line ~ /^[ \t]*\/\/ TODO/) { in_todo = 1; continue }
        if (in_todo && line ~ /^[ \t]*\/\/  /) continue
        in_todo = 0
        if (is_marker_line(line)) continue
        out = out line "\n"
        if (line ~ /^}/) { found = 1; break }
    }
    close(path)
    if (!found) fail("no function or typedef named " name " in " path)
    return out
}

function read_file(path,    line, out, ok) {
    out = ""
    while ((ok = (getline line < path)) > 0) out = out line "\n"
    if (ok < 0) fail("cannot read " path)
    close(path)
    return out
}

/^<!-- (code|output): .* -->[ \t]*$/ {
    print
    spec = $0
    sub(/^<!-- /, "", spec); sub(/ -->[ \t]*$/, "", spec)
    kind = spec; sub(/:.*/, "", kind)
    sub(/^[a-z]+: /, "", spec)
    split(spec, words, " ")
    replacement = kind == "code" ? extract_code(words[1], words[2]) : read_file(words[1])
    if ((getline fence) <= 0 || fence !~ /^```/) {
        fail("the marker must be followed by a fenced block")
        print fence
        next
    }
    print fence
    printf "%s", replacement
    while ((getline line) > 0 && line !~ /^```[ \t]*$/) ;
    print "```"
    next
}
{ print }
END { exit failed }
