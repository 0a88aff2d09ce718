#!/bin/sh
# Prepares LipBaB (github.com/pyrobits/LipBaB) for the "lipbab" benchmark section:
#   1. installs the Debian packages its script imports (python3-numpy, python3-cvxopt with GLPK) if missing;
#   2. puts a checkout at DEST (default ${XDG_CACHE_HOME:-$HOME/.cache}/verifygate/lipbab) with the commit
#      hash in DEST/LIPBAB_COMMIT, from SOURCE: a bare git directory (git archive HEAD), a checkout, or,
#      when SOURCE is omitted, a clone of the public repository;
#   3. prints the export line for the benchmark.
# usage: tests/VerifyGate.Benchmarks/lipbab/setup.sh [SOURCE] [DEST]
set -eu

source=${1:-}
dest=${2:-${XDG_CACHE_HOME:-$HOME/.cache}/verifygate/lipbab}

# Debian's interpreter, not whatever python3 is first on PATH: the packages install for /usr/bin/python3.
if ! /usr/bin/python3 -c 'import numpy; from cvxopt import glpk' 2>/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update
    $sudo apt-get install -y python3-numpy python3-cvxopt
fi

rm -rf "$dest"
mkdir -p "$dest"
if [ -z "$source" ]; then
    git clone --quiet https://github.com/pyrobits/LipBaB "$dest"
    git -C "$dest" rev-parse HEAD > "$dest/LIPBAB_COMMIT"
elif [ -f "$source/LipBaB.py" ]; then
    cp -R "$source/." "$dest/"
    git -C "$source" rev-parse HEAD > "$dest/LIPBAB_COMMIT" 2>/dev/null || echo unknown > "$dest/LIPBAB_COMMIT"
else
    git --git-dir="$source" archive HEAD | tar -x -C "$dest"
    git --git-dir="$source" rev-parse HEAD > "$dest/LIPBAB_COMMIT"
fi
[ -f "$dest/LipBaB.py" ] || { echo "setup.sh: no LipBaB.py in $dest" >&2; exit 1; }

echo "LipBaB $(cat "$dest/LIPBAB_COMMIT") in $dest; run the section with:"
echo "  export VERIFYGATE_LIPBAB=$dest"
echo "  dotnet run -c Release --project tests/VerifyGate.Benchmarks -- lipbab"
