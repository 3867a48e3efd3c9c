#!/usr/bin/env bash
# How long `connexml check` takes on a large generated script, next to
# libxml2's own `xmllint --noout` on the same file, in one run; then on
# 10k, 100k and 1M sibling elements on one line, where positions must cost
# no more than on short lines (time linear in the document).
# Usage: scripts/bench-check.sh [MEGABYTES=8] [RUNS=9]
# SCRATCH_PATH=.build-NAME builds there (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-8}
runs=${2:-9}

if ! command -v xmllint >/dev/null; then
  echo "installing libxml2-utils (xmllint)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils
fi
echo "building connexml (release)..."
scratch=${SCRATCH_PATH:-.build}
swift build -c release --product connexml --scratch-path "$scratch" >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/connexml

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/generate-large-script.py "$work/large.xml" "$megabytes"
"$bin" check --no-show-source "$work/large.xml" | tail -1
xmllint --noout "$work/large.xml"

# Median wall time of $runs runs, in milliseconds.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

xmllint_ms=$(median_ms xmllint --noout "$work/large.xml")
check_ms=$(median_ms "$bin" check --no-show-source "$work/large.xml")
size=$(stat -c %s "$work/large.xml")
echo
echo "file: $size bytes; median of $runs runs each"
printf '%-28s %10s ms\n' "xmllint --noout" "$xmllint_ms" "connexml check" "$check_ms"
awk -v a="$check_ms" -v b="$xmllint_ms" 'BEGIN { printf "ratio connexml/xmllint: %.2fx (aim: within 1.20x)\n", a / b }'

echo
echo "sibling elements on one line; median of $runs runs each"
printf '%-12s %12s %18s %18s\n' "siblings" "bytes" "xmllint ms" "connexml check ms"
for siblings in 10000 100000 1000000; do
  python3 scripts/generate-large-script.py --one-line "$siblings" "$work/line.xml" >/dev/null
  "$bin" check --no-show-source "$work/line.xml" >/dev/null  # fails the script if it is not clean
  printf '%-12s %12s %18s %18s\n' "$siblings" "$(stat -c %s "$work/line.xml")" \
    "$(median_ms xmllint --noout "$work/line.xml")" "$(median_ms "$bin" check --no-show-source "$work/line.xml")"
done
