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
# generated 1 MB script; `run` of a call sample; `explain` of a dial; each
# command's functions after the previous one's, the most run first. A name the code no longer has is skipped by the linker; a function
# the list lacks is laid out among the cold code, where the kernel maps 64 KB
# around it: a stale list never changes what connexml does, but a dozen
# missing functions cost a check of 1 MB about 1.5 MB of memory. So after a
# change to the code these commands run, run this again and commit the
# list; CI runs it with --check, which fails when the list lacks a function
# the commands now run.
#
# Usage: scripts/generate-link-order.sh [--check]   (SCRATCH_PATH=.build-NAME builds there)
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac
# The same functions at every run: Swift's per-process hash seed can change
# which paths a dictionary takes.
export SWIFT_DETERMINISTIC_HASHING=1

if ! command -v valgrind >/dev/null; then
  echo "installing valgrind..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq valgrind
fi

scratch=${SCRATCH_PATH:-.build}
echo "building connexml (release)..."
swift build -c release --product connexml --scratch-path "$scratch" >/dev/null
built=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/connexml

# The folder's real path: callgrind names the binary by it, and the
# profiles are read by that name (a temporary folder behind a symbolic link
# would otherwise match nothing).
work=$(cd "$(mktemp -d)" && pwd -P)
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
  "explain --directory samples/directory.yaml 1003 dial +441234567890"
)
# Not `test`: it runs its samples in worker processes started from
# /proc/self/exe, which under valgrind is valgrind's own launcher (the
# workers fail, and the profile was of that failure); what the workers run
# is what `run` runs.
for file in $sample samples/invalid/bad-values.xml samples/directory.yaml; do
  [ -e "$file" ] || { echo "generate-link-order: $file is gone: name another sample here" >&2; exit 1; }
done

: >"$work/all"
n=0
for command in "${commands[@]}"; do
  n=$((n + 1))
  echo "profiling: connexml $command"
  # A command may report problems (exit 1): its path is still worth laying
  # out. Any other status is a command that no longer means what it did
  # (a usage error would lay out the help text, not the command).
  status=0
  # shellcheck disable=SC2086 # the command is words
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/profile.$n" \
    "$work/connexml" $command >"$work/output.$n" 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then
    echo "generate-link-order: 'connexml $command' exited $status:" >&2
    tail -5 "$work/output.$n" >&2
    exit 1
  fi
  [ -s "$work/profile.$n" ] || { echo "generate-link-order: callgrind wrote no profile for '$command'" >&2; exit 1; }
  # Lines read "  12,345 (0.25%)  ???:NAME [/path/connexml]": keep the
  # binary's own functions, without callgrind's recursion marks ('2) and
  # nameless addresses.
  callgrind_annotate --inclusive=no --threshold=100 "$work/profile.$n" 2>/dev/null |
    grep -F "[$work/connexml]" |
    sed -E 's/^ *[0-9,]+ +\([^)]*\) +//; s/ \[[^]]*\]$//; s/^[^ ]*:([^:]+)$/\1/; s/'"'"'[0-9]+$//' |
    grep -v '^0x' >"$work/names.$n" || true
  # Even --version runs hundreds of the binary's functions: fewer means the
  # profile was not read (a profile's format or the binary's name changed).
  if [ "$(wc -l <"$work/names.$n")" -lt 100 ]; then
    echo "generate-link-order: only $(wc -l <"$work/names.$n") functions read from the profile of '$command'" >&2
    exit 1
  fi
  cat "$work/names.$n" >>"$work/all"
done

out=BuildSupport/hot-functions.order
if $check; then
  # Names run now that the committed list lacks (order within is not judged).
  missing=$(awk '!seen[$0]++' "$work/all" | grep -vxF -f <(grep -v '^#' "$out") || true)
  if [ -n "$missing" ]; then
    echo "generate-link-order: $out lacks $(echo "$missing" | wc -l) functions that connexml's everyday commands now run, e.g.:" >&2
    echo "$missing" | head -10 | sed 's/^/  /' >&2
    echo "run scripts/generate-link-order.sh and commit $out (docs/performance.md, \"Linking\")" >&2
    exit 1
  fi
  echo "$out: up to date ($(grep -vc '^#' "$out") functions)"
  exit 0
fi
mkdir -p BuildSupport
{
  echo "# Written by scripts/generate-link-order.sh: do not edit by hand."
  echo "# The functions connexml's everyday commands run, laid out together by lld."
  awk '!seen[$0]++' "$work/all"
} >"$out"
echo "wrote $out: $(grep -vc '^#' "$out") functions"
# SwiftPM does not know the linker reads the list: link again, so that the
# release binary is laid out by the list just written.
rm -f "$built"
swift build -c release --product connexml --scratch-path "$scratch" >/dev/null
echo "relinked $built"
