#!/usr/bin/env bash
# watch.sh IMPL LESSON...: re-grades the lessons every time one of their files
# changes, like rustlings. Uses inotifywait (Debian: inotify-tools) when it is
# installed, and polls once a second otherwise. Stop it with Ctrl-C.
set -u
impl=$1
shift
dirs=()
for l in "$@"; do dirs+=("$impl/$l"); done

grade() {
    clear 2>/dev/null || true
    make -s --no-print-directory grade IMPL="$impl" LESSON="$1"
    echo
    echo "watching ${dirs[*]} for changes (Ctrl-C to stop)"
}

snapshot() { find "${dirs[@]}" -type f -newer "$stamp" 2>/dev/null | head -1; }

for l in "$@"; do grade "$l"; done
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
while true; do
    if command -v inotifywait >/dev/null 2>&1; then
        inotifywait -qq -r -e close_write,moved_to,create "${dirs[@]}" || sleep 1
    else
        until [ -n "$(snapshot)" ]; do sleep 1; done
    fi
    touch "$stamp"
    sleep 0.2 # let an editor finish writing
    for l in "$@"; do grade "$l"; done
done
