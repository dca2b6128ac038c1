#!/bin/sh
# Makes sure the course's build dependencies are installed.
#
# Each dependency is checked by the file it provides, so the check is cheap and
# works whatever installed it. Missing Debian packages are installed with
# apt-get (through sudo when we are not root); when that is impossible we stop
# and print the exact command to run.
#
#   scripts/deps.sh               check, install what is missing
#   scripts/deps.sh --check       check only; exit 1 and list what is missing
#   scripts/deps.sh --instructor  also what `make test` and `make bench` need
#
# Optional packages only make a comparison possible: one that is missing is
# reported and never stops make. It is installed along with required ones,
# when there are any to install, and a failure to install it is reported too.
set -eu

# package:file-that-proves-it-is-installed
REQUIRED="
libcriterion-dev:/usr/include/criterion/criterion.h
gnuplot-nox:/usr/bin/gnuplot
libstb-dev:/usr/include/stb/stb_image_write.h
valgrind:/usr/bin/valgrind
pkg-config:/usr/bin/pkg-config
libgsl-dev:/usr/include/gsl/gsl_fit.h
gcc:/usr/bin/gcc
make:/usr/bin/make
"

# Only for `make test` (which builds everything with clang too, and builds
# and unpacks the Gradescope autograder's zip: zip, unzip) and
# `make bench` (which compares lesson 03 against OpenCV, through a C++ shim,
# lesson 04 against OpenBLAS, lesson 06 against LAPACK through LAPACKE,
# lesson 10 against GMP).
INSTRUCTOR="
clang:/usr/bin/clang
g++:/usr/bin/g++
libopenblas-dev:/usr/include/*/openblas-pthread/cblas.h
libopencv-imgproc-dev:/usr/include/opencv4/opencv2/imgproc.hpp
liblapacke-dev:/usr/include/lapacke.h
libgmp-dev:/usr/include/*/gmp.h
zip:/usr/bin/zip
unzip:/usr/bin/unzip
"

# Optional, for `make bench`: lesson 05's comparison with PyTorch, which the
# benchmark leaves out without it.
OPTIONAL_INSTRUCTOR="
python3-torch:/usr/lib/python3/dist-packages/torch/__init__.py
"
OPTIONAL=""

check_only=""
for arg in "$@"; do
    case $arg in
    --check) check_only=1 ;;
    --instructor) REQUIRED="$REQUIRED $INSTRUCTOR" OPTIONAL=$OPTIONAL_INSTRUCTOR ;;
    *) echo "deps: unknown option $arg" >&2; exit 2 ;;
    esac
done

# True if the pattern (which may hold a * for the architecture) names a file.
exists() {
    for f in $1; do
        [ -e "$f" ] && return 0
    done
    return 1
}

# The packages of a list (package:file entries) whose file is missing.
missing_of() {
    found=""
    for entry in $1; do
        exists "${entry#*:}" || found="$found ${entry%%:*}"
    done
    echo "${found# }"
}

missing=$(missing_of "$REQUIRED")
optional=$(missing_of "$OPTIONAL")

report_optional() {
    [ -z "$optional" ] && return 0
    echo "deps: optional, not installed: $optional (make bench leaves out what needs it);" >&2
    echo "deps: to add it:  sudo apt-get install -y --no-install-recommends $optional" >&2
}

if [ -z "$missing" ]; then
    report_optional
    exit 0
fi

line="apt-get install -y --no-install-recommends $missing"
if [ -n "$check_only" ]; then
    echo "missing packages: $missing" >&2
    echo "install them with:  sudo apt-get update && sudo $line" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "deps: missing $missing, and this is not a Debian/Ubuntu system (no apt-get)." >&2
    echo "deps: install the equivalents of these Debian packages, then run make again." >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    sudo="sudo"   # interactive: sudo will ask for the password
else
    echo "deps: missing packages: $missing" >&2
    echo "deps: run this once, then run make again:" >&2
    echo "    sudo apt-get update && sudo $line" >&2
    exit 1
fi

# One line per step; the package manager's own output goes to a log.
log=${DEPS_LOG:-build/deps.log}
mkdir -p "$(dirname "$log")"
: >"$log"
run_step() {
    description=$1
    shift
    printf 'deps: %s ... ' "$description" >&2
    if "$@" >>"$log" 2>&1; then
        echo "done" >&2
        return 0
    fi
    echo "failed" >&2
    tail -n 5 "$log" | sed 's/^/    /' >&2
    echo "deps: the whole output is in $log" >&2
    return 1
}
export DEBIAN_FRONTEND=noninteractive
run_step "updating the package lists" $sudo apt-get update -qq || exit 1
# shellcheck disable=SC2086
run_step "installing $missing" $sudo $line || exit 1
if [ -n "$optional" ]; then
    # shellcheck disable=SC2086
    run_step "installing the optional $optional" $sudo apt-get install -y --no-install-recommends $optional ||
        echo "deps: going on without $optional" >&2
fi
echo "deps: the package manager's output is in $log" >&2
exec "$0" --check "$@"
