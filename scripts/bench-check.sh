#!/usr/bin/env bash
# How long `connexml check` takes, and how much memory it peaks at, next to
# libxml2's own `xmllint --noout` on the same generated scripts, the two run
# in turn (A B A B ...) so that a drift in the machine's speed touches both;
# then 10k, 100k and 1M sibling elements on one line, where positions must
# cost no more than on short lines (time linear in the document).
#
# Usage: scripts/bench-check.sh [--tiny] [--against OTHER_CONNEXML] [--sizes "1 8 15"] [--runs N]
#        scripts/bench-check.sh [MEGABYTES] [RUNS]      (one size, as before)
#   --tiny      a few hundred KB, 3 runs, 10k siblings: seconds, for CI (it
#               checks that everything runs; its figures mean little)
#   --against   also pair connexml with another connexml binary (before/after)
# SCRATCH_PATH=.build-NAME builds there (default .build).
# Prints figures, never judges them: the exit status is 0 unless something
# failed to run or a generated script did not check clean.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="1 8 15"
runs=9
siblings="10000 100000 1000000"
against=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tiny) sizes="0.3"; runs=3; siblings="10000"; shift ;;
    --against) against=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    [0-9]*) sizes=$1; runs=${2:-$runs}; shift $(( $# >= 2 ? 2 : 1 )) ;;
    *) echo "usage: $0 [--tiny] [--against CONNEXML] [--sizes \"1 8 15\"] [--runs N]" >&2; exit 2 ;;
  esac
done

need=()
command -v xmllint >/dev/null || need+=(libxml2-utils)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi
. scripts/bench-lib.sh
bench_prepare

# Each pair of runs: scripts/bench-pair.py.
pair() {
  local label=$1 a=$2 b=$3 file=$4
  # shellcheck disable=SC2086 # the commands are words
  python3 scripts/bench-pair.py --seconds "$runs" "$label" $a "$file" -- $b "$file"
}

header() {
  printf '\n%s (median of %s pairs; peak = largest of the runs)\n' "$1" "$runs"
  printf '%-10s %9s %9s %8s | %9s %9s %8s | %7s %7s %7s\n' "size" "A wall s" "A cpu s" "A MiB" \
    "B wall s" "B cpu s" "B MiB" "wall" "cpu" "peak"
}

for size in $sizes; do
  python3 scripts/generate-large-script.py "$work/large-$size.xml" "$size" >/dev/null
  "$bin" check --no-show-source "$work/large-$size.xml" >/dev/null  # fails the script unless it checks clean
  xmllint --noout "$work/large-$size.xml"
done

header "A = connexml check, B = xmllint --noout (aim: A/B within 1.20x, peak no higher)"
for size in $sizes; do
  pair "${size} MB" "$bin check --no-show-source" "xmllint --noout" "$work/large-$size.xml"
done

if [ -n "$against" ]; then
  header "A = this connexml check, B = the other connexml check (--against)"
  for size in $sizes; do
    pair "${size} MB" "$bin check --no-show-source" "$against check --no-show-source" "$work/large-$size.xml"
  done
fi

header "sibling elements on one line: A = connexml check, B = xmllint --noout (A should grow linearly)"
for count in $siblings; do
  python3 scripts/generate-large-script.py --one-line "$count" "$work/line.xml" >/dev/null
  "$bin" check --no-show-source "$work/line.xml" >/dev/null
  pair "$count" "$bin check --no-show-source" "xmllint --noout" "$work/line.xml"
done
