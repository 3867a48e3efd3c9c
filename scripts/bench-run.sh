#!/usr/bin/env bash
# Calls per second and memory of the engine: every call sample (and the
# twenty-verb one) run CALLS times each from its compiled script, with a sink
# that only counts events. Usage: scripts/bench-run.sh [CALLS=100000]
# (CI runs it with a few hundred calls, so it cannot rot.)
# SCRATCH_PATH=.build-NAME builds there (default .build).
# For instructions per call (steadier than calls/s on a shared machine):
#   strip --strip-debug -o /tmp/cb BIN; SWIFT_DETERMINISTIC_HASHING=1 valgrind
#   --tool=callgrind /tmp/cb N samples/calls/twenty-verbs.xml, for N = 1000
#   and 5000, and (total(5000) - total(1000)) / 12000 (three rounds each).
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-100000}
scratch=${SCRATCH_PATH:-.build}
echo "building the benchmark (release)..."
swift build -c release --scratch-path "$scratch" --product CallBenchmark >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/CallBenchmark
# Samples as `connexml test` names them (NAME.xml, or NAME.CASE.scenario.yaml
# for one of several scenarios of a script); a missing one stops the run.
"$bin" "$calls" samples/calls/twenty-verbs.xml samples/calls/operator-barge.xml \
  samples/calls/ivr-menu.operator.scenario.yaml samples/calls/business-hours.open.scenario.yaml \
  samples/calls/international.agent-denied.scenario.yaml samples/calls/redirect-chain.xml \
  samples/calls/operator-any-time.xml samples/calls/gather-interrupted.xml
