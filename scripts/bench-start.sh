#!/usr/bin/env bash
# How long connexml takes to start: `connexml --version`, and `check` of a
# 1 KB script next to libxml2's own `xmllint --noout` on the same file, each
# pair run in turn (A B A B ...) so that a drift in the machine's speed
# touches both, with the median (and min) of each side and the median of the
# ratios A/B taken pair by pair. Also the shared libraries `--version` loads:
# libcurl (and TLS, Kerberos, LDAP behind it) must load only when something
# is fetched, so finding it there fails the script.
#
# Usage: scripts/bench-start.sh [--tiny] [--runs N] [--against OTHER_CONNEXML]
#   --tiny      5 pairs: seconds, for CI (it checks that everything runs and
#               that --version loads no libcurl; its figures mean little)
#   --against   also pair this connexml with another binary (before/after),
#               and a one-call `run` of a sample with each
# SCRATCH_PATH=.build-NAME builds there (default .build).
# Prints figures, never judges them, except the libcurl rule above: the exit
# status is 0 unless something failed to run or --version loaded libcurl.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=31
against=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tiny) runs=5; shift ;;
    --runs) runs=$2; shift 2 ;;
    --against) against=$2; shift 2 ;;
    *) echo "usage: $0 [--tiny] [--runs N] [--against CONNEXML]" >&2; exit 2 ;;
  esac
done

if ! command -v xmllint >/dev/null; then
  echo "installing libxml2-utils..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq libxml2-utils
fi
. scripts/bench-lib.sh
bench_prepare

# One block of the generated call-centre script: about 1 KB.
python3 scripts/generate-large-script.py "$work/one-kb.xml" 0.0006 >/dev/null
"$bin" check --no-show-source "$work/one-kb.xml" >/dev/null  # fails the script unless it checks clean
xmllint --noout "$work/one-kb.xml"

# The shared libraries the dynamic linker loads for `--version` (LD_DEBUG
# names each as it initialises it).
loaded=$(LD_DEBUG=libs "$bin" --version 2>&1 >/dev/null | sed -n 's/.*calling init: //p' | sort -u)
printf '\n--version loads %s shared libraries (ldd lists %s)\n' "$(grep -c . <<<"$loaded")" "$(ldd "$bin" | grep -c .)"
if grep -Eq 'libcurl|libgnutls|libssl|libkrb5|libldap' <<<"$loaded"; then
  echo "--version loaded network libraries; they must wait for the first fetch:"
  grep -E 'libcurl|libgnutls|libssl|libkrb5|libldap' <<<"$loaded"
  exit 1
fi

# Each pair of runs: scripts/bench-pair.py.
pair() {
  local label=$1 a=$2 b=$3
  # shellcheck disable=SC2086 # the commands are words
  python3 scripts/bench-pair.py --milliseconds "$runs" "$label" $a -- $b
}
header() {
  printf '\n%s (%s pairs; ms)\n' "$1" "$runs"
  printf '%-24s %6s %6s %6s | %6s %6s %6s | %7s %7s\n' "" "A wall" "min" "A cpu" "B wall" "min" "B cpu" "wall" "cpu"
}

header "A = connexml, B = xmllint (aims: --version within 5 ms; check within 3x of xmllint)"
pair "--version" "$bin --version" "xmllint --version"
pair "check, 1 KB script" "$bin check --no-show-source $work/one-kb.xml" "xmllint --noout $work/one-kb.xml"

if [ -n "$against" ]; then
  # One call of a sample (a dozen trace lines): start-up and little else.
  call="run samples/calls/agent-call-keys.xml --scenario samples/calls/agent-call-keys.agent-denied.scenario.yaml"
  call+=" --directory samples/directory.yaml --sid CA1 --at 2026-01-05T09:30:00Z"
  header "A = this connexml, B = the other connexml (--against)"
  pair "--version" "$bin --version" "$against --version"
  pair "check, 1 KB script" "$bin check --no-show-source $work/one-kb.xml" "$against check --no-show-source $work/one-kb.xml"
  pair "run, one call" "$bin $call" "$against $call"
fi
