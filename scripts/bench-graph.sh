#!/usr/bin/env bash
# How long `connexml graph` takes to draw a large script, and its peak
# memory (/usr/bin/time -v), as DOT and as Mermaid, next to `connexml check`
# of the same script (reading and checking it is part of drawing it). The
# script is scripts/generate-large-script.py's call-centre flow, whose
# Gather actions name local documents that do not exist: each is drawn as a
# "missing" node, so hand-over resolution is measured too. `graph
# --coverage` is timed on the same script made a sample (a scenario beside
# it): the one call it runs reaches little, so nearly every line is marked,
# the overlay's worst case; `test --coverage` of that sample alone is timed
# beside it, so the overlay's own share is the difference.
#
# Usage: scripts/bench-graph.sh [MEGABYTES=5] [RUNS=3]
# SCRATCH_PATH=.build-NAME builds there (default .build);
# CONNEXML_BINARY=PATH measures that binary instead of building one.
# Prints figures, never judges them.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-5}
runs=${2:-3}
[ -x /usr/bin/time ] || { echo "bench-graph.sh needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

bin=${CONNEXML_BINARY:-}
if [ -z "$bin" ]; then
  scratch="${SCRATCH_PATH:-.build}"
  echo "building connexml (release)..."
  swift build -c release --product connexml --scratch-path "$scratch" >/dev/null
  bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/connexml"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/generate-large-script.py "$work/large.xml" "$megabytes" >/dev/null
echo "script: $(wc -c <"$work/large.xml") bytes, $(grep -c '<' "$work/large.xml") lines with elements"

# One measured run: "seconds peak-MB", and the output file kept.
measure() {
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time" || { cat "$work/time" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = t[n] + (n > 1 ? t[n-1] * 60 : 0) }
              /Maximum resident set size/ { kb = $2 }
              END { printf "%.2f %.0f\n", s, kb / 1024 }' "$work/time"
}

report() {
  local name=$1; shift
  local best="" peak=""
  for _ in $(seq "$runs"); do
    read -r seconds mb < <(measure "$@")
    if [ -z "$best" ] || awk "BEGIN { exit !($seconds < $best) }"; then best=$seconds; fi
    peak=$mb
  done
  printf "%-18s best of %d: %6.2f s, peak %5s MB\n" "$name" "$runs" "$best" "$peak"
}

report "check" "$bin" check "$work/large.xml"
report "graph --format dot" "$bin" graph "$work/large.xml" -o "$work/large.dot"
report "graph mermaid" "$bin" graph "$work/large.xml" --format mermaid -o "$work/large.mmd"
echo "DOT: $(wc -c <"$work/large.dot") bytes, $(grep -c ' \[label=' "$work/large.dot") nodes, $(grep -c ' -> ' "$work/large.dot") arrows"
echo "Mermaid: $(wc -c <"$work/large.mmd") bytes"

# The script as a sample: a weekday-morning call, no expected trace
# (`test` then reports the sample as failing, which is all the same to the
# coverage it records).
mkdir "$work/samples"
cp "$work/large.xml" "$work/samples/large.xml"
cat >"$work/samples/large.scenario.yaml" <<'YAML'
call: {from: "+447700900123", to: "160", start: "2026-01-05T09:30:00Z"}
YAML
report "test --coverage" sh -c '"$1" test --coverage "$2" >/dev/null; [ $? -le 1 ]' sh "$bin" "$work/samples"
report "graph --coverage" "$bin" graph "$work/samples/large.xml" --coverage "$work/samples" -o "$work/large.coverage.dot"
echo "coverage: $(grep -c 'never: ' "$work/large.coverage.dot") arrows never taken, $(grep -v ' -> ' "$work/large.coverage.dot" | grep -c 'fontcolor="#cc0000"') verbs never run"
