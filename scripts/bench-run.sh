#!/usr/bin/env bash
# Calls per second and memory of the engine: every call sample (and the
# twenty-verb one) run CALLS times each from its compiled script, with a sink
# that only counts events. Usage: scripts/bench-run.sh [CALLS=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-100000}
echo "building the benchmark (release)..."
swift build -c release --product CallBenchmark >/dev/null
bin=$(swift build -c release --show-bin-path)/CallBenchmark
"$bin" "$calls" samples/calls/twenty-verbs.xml samples/calls/operator-barge.xml samples/calls/ivr-menu-operator.xml \
  samples/calls/business-hours-open.xml samples/calls/international-denied.xml samples/calls/redirect-chain.xml \
  samples/calls/contexts-and-press.xml samples/calls/gather-interrupted.xml
