#!/usr/bin/env bash
# Writes BuildSupport/hot-functions.order: the functions of the release
# `connexml` that its everyday commands run, in the order the release link
# lays them out (Package.swift passes the file to lld as its symbol ordering
# file). Laid side by side, the code a command runs fills a few hundred
# pages of the 17 MB of code instead of being scattered over it: the kernel
# maps a file's pages 64 KB at a time, so scattered code costs memory (a
# `check` touched 5.9 MB of code before this, 3 MB after) and page faults
# at every start (docs/performance.md, "Linking").
#
# The list comes from callgrind (every function executed, exactly), over:
# `--version`; `check` of a sample, of a sample with problems and of a
# generated 1 MB script; `run` of a call sample; `explain`; `test` of one
# sample. Functions that run first come first. A name the code no longer has
# is skipped by the linker, and a new function not in the list is merely
# laid out elsewhere: a stale list costs a little memory, never correctness.
# Run it again after large changes to what these commands execute.
#
# Usage: scripts/generate-link-order.sh     (SCRATCH_PATH=.build-NAME builds there)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v valgrind >/dev/null; then
  echo "installing valgrind..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq valgrind
fi

scratch=${SCRATCH_PATH:-.build}
echo "building connexml (release)..."
swift build -c release --product connexml --scratch-path "$scratch" >/dev/null
built=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/connexml

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read the debug information of the static Swift runtime:
# a copy without it has the same code and symbols.
cp "$built" "$work/connexml"
strip --strip-debug "$work/connexml"
python3 scripts/generate-large-script.py "$work/large.xml" 1 >/dev/null

sample=samples/calls/operator-barge.xml
commands=(
  "--version"
  "check $sample"
  "check samples/invalid/bad-values.xml"
  "check --no-show-source $work/large.xml"
  "run $sample"
  "explain $sample"
  "test samples/calls/operator-barge.scenario.yaml"
)
for file in $sample samples/invalid/bad-values.xml samples/calls/operator-barge.scenario.yaml; do
  [ -e "$file" ] || { echo "generate-link-order: $file is gone: name another sample here" >&2; exit 1; }
done

: >"$work/all"
n=0
for command in "${commands[@]}"; do
  n=$((n + 1))
  echo "profiling: connexml $command"
  # A command may report problems (exit 1): its path is still worth laying out.
  # shellcheck disable=SC2086 # the command is words
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/profile.$n" \
    "$work/connexml" $command >/dev/null 2>&1 || true
  [ -s "$work/profile.$n" ] || { echo "generate-link-order: callgrind wrote no profile for '$command'" >&2; exit 1; }
  # Lines read "  12,345 (0.25%)  ???:NAME [/path/connexml]": keep the
  # binary's own functions, without callgrind's recursion marks ('2) and
  # nameless addresses.
  callgrind_annotate --inclusive=no --threshold=100 "$work/profile.$n" 2>/dev/null |
    grep -F "[$work/connexml]" |
    sed -E 's/^ *[0-9,]+ +\([^)]*\) +//; s/ \[[^]]*\]$//; s/^[^ ]*:([^:]+)$/\1/; s/'"'"'[0-9]+$//' |
    grep -v '^0x' >>"$work/all" || true
done

mkdir -p BuildSupport
out=BuildSupport/hot-functions.order
{
  echo "# Written by scripts/generate-link-order.sh: do not edit by hand."
  echo "# The functions connexml's everyday commands run, laid out together by lld."
  awk '!seen[$0]++' "$work/all"
} >"$out"
echo "wrote $out: $(grep -vc '^#' "$out") functions"
