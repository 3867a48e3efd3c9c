#!/usr/bin/env bash
# How long `connexml test` takes on 1,000 generated samples (release build):
# 50 scripts, 20 scenarios each, traces recorded first, then timed runs.
# Usage: scripts/bench-test.sh [SAMPLES=1000] [RUNS=5]
# SCRATCH=.build-NAME builds in that scratch path (default .build), so the
# benchmark does not collide with other builds in the same work tree.
# BASELINE=/path/to/connexml also times another build (say, of the commit
# before a change) on the same samples, runs alternated so both see the
# same load.
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-1000}
runs=${2:-5}
scratch=${SCRATCH:-.build}
echo "building connexml (release)..."
swift build -c release --scratch-path "$scratch" --product connexml >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/connexml

work=$(mktemp -d)
trap 'rm -rf "$work" "$work.cpu"' EXIT
scripts=$(( (samples + 19) / 20 ))
python3 - "$work" "$samples" "$scripts" <<'PY'
import sys, os
work, samples, scripts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
made = 0
for s in range(scripts):
    folder = os.path.join(work, f"flow{s:03d}")
    os.makedirs(folder)
    open(os.path.join(folder, "menu.xml"), "w").write(f"""<Response>
  <Say>Welcome to flow {s}.</Say>
  <Gather numDigits="1" timeout="4"><Say>Press 1 for sales, 2 for support.</Say></Gather>
  <Condition field="${{gather_result}}" expression="^1$">
    <Dial timeout="20">0123456{s:04d}</Dial>
    <Say>Status {{{{ DialCallStatus }}}}.</Say>
  </Condition>
  <Condition field="${{gather_result}}" expression="^2$">
    <Enqueue>support</Enqueue>
  </Condition>
  <Condition wday="2-6" time-of-day="09:00-17:00"><Say>We are open.</Say></Condition>
  <Dial>00441234567890</Dial>
  <Hangup/>
</Response>
""")
    for c in range(20):
        if made == samples: break
        key = ["1", "2", "3", ""][c % 4]
        answer = ["answered", "busy", "no-answer", "failed"][c % 4]
        open(os.path.join(folder, f"menu.case{c:02d}.scenario.yaml"), "w").write(f"""call:
  from: "100{1 + c % 2}"
  start: "2026-01-0{5 + c % 3}T{8 + c % 10:02d}:30:00Z"
  sid: CA-{s}-{c}
dtmf: [{'"' + key + '"' if key else ''}]
answers:
  "0123456{s:04d}": {{status: {answer}, ring: 3, talk: {10 + c}}}
""")
        made += 1
PY
"$bin" test --update "$work" | tail -1
echo
# Times `connexml test` by binary $1: wall clock, and the CPU time of the
# runner and its workers (user + system), which other load on a shared
# machine disturbs less.
declare -A times cpu
time_run() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o "$work.cpu" "$1" test "$work" >/dev/null || { echo "$1 test failed" >&2; exit 1; }
  end=$(date +%s%N)
  times[$2]+="$(( (end - start) / 1000000 )) "
  cpu[$2]+="$(awk '{printf "%d", ($1 + $2) * 1000}' "$work.cpu") "
}
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
report() {
  local sorted
  sorted=$(printf '%s\n' ${times[$1]} | sort -n | tr '\n' ' ')
  echo "$1: connexml test on $samples samples ($scripts scripts), $(nproc) cores: runs ${sorted}ms"
  echo "$1: median $(median "${times[$1]}") ms wall, $(median "${cpu[$1]}") ms CPU (aim: under 2000 ms wall for 1,000 samples)"
}
for _ in $(seq "$runs"); do
  time_run "$bin" this
  if [ -n "${BASELINE:-}" ]; then time_run "$BASELINE" baseline; fi
done
report this
if [ -n "${BASELINE:-}" ]; then report baseline; fi
