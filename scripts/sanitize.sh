#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and under ThreadSanitizer.
#
#   scripts/sanitize.sh [address|thread|both] [-- SWIFT TEST ARGUMENTS...]
#
# Each sanitizer builds into its own folder (.build-asan, .build-tsan), so
# the ordinary .build is untouched. A run is clean when `swift test` passes
# and the sanitizer reported nothing; the script prints, per sanitizer, the
# tests' summary and the count of reports, keeps the whole output in
# .build-SAN/sanitize.log, and exits 1 when any run is not clean.
set -uo pipefail
cd "$(dirname "$0")/.."

which=${1:-both}
shift || true
[ "${1:-}" = "--" ] && shift
case $which in
  address) sanitizers=(address) ;;
  thread) sanitizers=(thread) ;;
  both) sanitizers=(address thread) ;;
  *) echo "usage: scripts/sanitize.sh [address|thread|both] [-- swift test arguments]" >&2; exit 2 ;;
esac

# Swift's crash handler would read other threads' memory in a way ASan
# flags; the sanitizers print their own stacks.
export SWIFT_BACKTRACE=enable=no
# No leak checks: Swift keeps enum tags in the spare bits of pointers, so
# LeakSanitizer cannot see objects still referenced that way and reports
# false leaks at exit. halt_on_error=0: see every report, not just the first.
export ASAN_OPTIONS=detect_leaks=0:halt_on_error=0:${ASAN_OPTIONS:-}
export TSAN_OPTIONS=halt_on_error=0:second_deadlock_stack=1:${TSAN_OPTIONS:-}

clean=yes
for sanitizer in "${sanitizers[@]}"; do
  case $sanitizer in address) scratch=.build-asan ;; thread) scratch=.build-tsan ;; esac
  mkdir -p "$scratch"
  log=$scratch/sanitize.log
  echo "== swift test under the ${sanitizer} sanitizer ($scratch)"
  started=$SECONDS
  swift test --scratch-path "$scratch" --sanitize "$sanitizer" "$@" >"$log" 2>&1
  status=$?
  reports=$(grep -cE "^(==[0-9]+==)?(ERROR|WARNING): (AddressSanitizer|ThreadSanitizer|LeakSanitizer)" "$log")
  # Swift Testing's and XCTest's closing lines.
  grep -E "^(✔|✘|􁁛|􀢄)? ?Test run with .* (passed|failed)|^Executed [0-9]+ tests?" "$log" | tail -3
  echo "   exit status $status, $reports sanitizer report(s), $((SECONDS - started)) s (log: $log)"
  if [ "$status" -ne 0 ] || [ "$reports" -ne 0 ]; then
    clean=no
    grep -E "^(==[0-9]+==)?(ERROR|WARNING): (AddressSanitizer|ThreadSanitizer)|^SUMMARY: " "$log" | sort | uniq -c | sort -rn | head -20
  fi
done
[ $clean = yes ] || exit 1
