#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/) and runs each for a given time.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS] [--keep-going]
#
# TARGET: xml template dial directory scenario time engine (default: all);
# SECONDS: per target (default 60). Without --keep-going a target stops at
# its first finding; with it, it runs its whole time in libFuzzer's fork
# mode and keeps every crash, hang and out-of-memory it meets.
#
# Under .fuzz/ (git-ignored): seeds/TARGET, made anew from samples/ each
# run; corpus/TARGET, what the fuzzer found interesting, kept between runs;
# findings/TARGET, the inputs that crashed (crash-*), hung (timeout-*) or
# took too much memory (oom-*); logs/TARGET.log. FUZZ_SEED=N fixes
# libFuzzer's random seed.
# Prints per target the executions, coverage and findings; exits 1 when
# any target found something, 2 when it could not build or run.
set -uo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS=(xml template dial directory scenario time engine)
target=${1:-all}
seconds=${2:-60}
keep_going=no
[ "${3:-}" = "--keep-going" ] && keep_going=yes
case $target in
  all) targets=("${ALL_TARGETS[@]}") ;;
  *)
    if [[ " ${ALL_TARGETS[*]} " != *" $target "* ]]; then
      echo "unknown fuzz target '$target': one of ${ALL_TARGETS[*]} or all" >&2
      exit 2
    fi
    targets=("$target") ;;
esac
[[ $seconds =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number, not '$seconds'" >&2; exit 2; }

dictionary_of() {
  case $1 in
    xml | engine) echo Fuzz/dictionaries/xml.dict ;;
    directory | scenario) echo Fuzz/dictionaries/yaml.dict ;;
    *) echo "Fuzz/dictionaries/$1.dict" ;;
  esac
}

# --sanitize makes SwiftPM link the fuzzer's `main` (and not expect one
# of ours); the -X flags instrument every module, the project's and Yams
# with its C parser, not only the fuzz targets: coverage of the code under
# test is what guides the fuzzer. lld, since gold warns about ASan's local
# symbols.
scratch=$PWD/.build-fuzz
echo "building the fuzz targets (release, -sanitize=fuzzer,address)..."
mkdir -p .fuzz
if ! swift build -c release --package-path Fuzz --scratch-path "$scratch" \
    --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
    -Xcc -fsanitize=fuzzer-no-link,address > .fuzz/build.log 2>&1; then
  grep -E "error:" .fuzz/build.log | head -20 >&2
  echo "the fuzz targets did not build (full log: .fuzz/build.log)" >&2
  exit 2
fi
bin=$scratch/release

# Swift's own crash handler would run first and trips ASan reading
# memory; libFuzzer's prints the stack instead.
export SWIFT_BACKTRACE=enable=no
# No leak checks, per input (-detect_leaks=0 below) nor at exit: Swift keeps
# tags in the spare bits of pointers (indirect enums), so LeakSanitizer
# cannot see them and reports objects that globals still hold. Memory stays
# bounded by -rss_limit_mb.
export ASAN_OPTIONS=detect_leaks=0:${ASAN_OPTIONS:-}
found_any=no
printf '\n%-10s %8s %12s %10s %8s %6s  %s\n' target seconds executions exec/s cov corpus findings
for t in "${targets[@]}"; do
  seeds=.fuzz/seeds/$t corpus=.fuzz/corpus/$t findings=.fuzz/findings/$t log=.fuzz/logs/$t.log
  rm -rf "$seeds"
  mkdir -p "$corpus" "$findings" .fuzz/logs
  python3 Fuzz/seeds.py "$t" "$seeds" >/dev/null || { echo "no seeds for $t" >&2; exit 2; }
  before=$(ls "$findings" | wc -l)
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -dict="$(dictionary_of "$t")"
           -artifact_prefix="$findings/" -print_final_stats=1)
  # A fixed seed (CI) makes a short run try the same inputs every time.
  [ -n "${FUZZ_SEED:-}" ] && options+=(-seed="$FUZZ_SEED")
  if [ $keep_going = yes ]; then
    options+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  started=$SECONDS
  # The findings folder also holds what libFuzzer writes in fork mode.
  "$bin/fuzz-$t" "${options[@]}" "$corpus" "$seeds" >"$log" 2>&1
  status=$?
  elapsed=$((SECONDS - started))
  # Executions and coverage: the final stats, or fork mode's last report.
  read -r executions rate coverage corpus_size < <(awk '
    /^stat::number_of_executed_units:/ { runs = $2 }
    /^stat::average_exec_per_sec:/ { rate = $2 }
    / cov: / { for (i = 1; i < NF; i++) {
        if ($i == "cov:") cov = $(i + 1)
        if ($i == "corp:") corp = $(i + 1)
        if ($i == "exec/s:") rate = $(i + 1) }
      if ($1 ~ /^#[0-9]+:?$/) { n = $1; gsub(/[#:]/, "", n); if (n + 0 > runs + 0) runs = n } }
    END { print (runs ? runs : 0), (rate ? rate : 0), (cov ? cov : "?"), (corp ? corp : "?") }' "$log")
  after=$(ls "$findings" | wc -l)
  new=$((after - before))
  summary="none"
  if [ "$new" -gt 0 ]; then
    found_any=yes
    summary="$new new in $findings/: $(ls -t "$findings" | head -"$new" | sed 's/-.*//' | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')"
  elif [ $status -ne 0 ]; then
    found_any=yes
    summary="exit $status, see $log"
  fi
  printf '%-10s %8s %12s %10s %8s %6s  %s\n' "$t" "$elapsed" "$executions" "$rate" "$coverage" "${corpus_size%%/*}" "$summary"
  # Where each distinct finding happens: every new input replayed alone,
  # named by the first frame in the project's sources (fork mode meets the
  # same bug many times), with one input to start from.
  if [ "$new" -gt 0 ]; then
    ls -t "$findings" | head -"$new" | head -100 | while read -r file; do
      timeout 60 "$bin/fuzz-$t" -detect_leaks=0 -timeout=10 -rss_limit_mb=2048 "$findings/$file" 2>&1 | awk -v file="$findings/$file" '
        /invariant broken|Fatal error/ && what == "" { what = $0; sub(/.*(invariant broken|Fatal error): */, "", what) }
        /Swift runtime failure: / && what == "" { what = $0; sub(/.*Swift runtime failure: */, "", what); sub(/ \/<.*/, "", what) }
        /ERROR: libFuzzer: timeout|ERROR: libFuzzer: out-of-memory/ && what == "" { what = $3 " " $4 }
        where == "" && /\/Sources\// && !/Fuzz\/Sources\// { match($0, /[^ ]*\/Sources\/[^ ]*/); where = substr($0, RSTART, RLENGTH); sub(/.*\/Sources\//, "Sources/", where) }
        END { printf "%s\t%s\t%s\n", (where != "" ? where : "(no project frame)"), substr(what, 1, 100), file }'
    done | sort | awk -F'\t' '{ n[$1]++; if (!($1 in example)) { example[$1] = $3; what[$1] = $2 } }
      END { for (w in n) printf "           %d× at %s%s\n             e.g. %s\n", n[w], w, (what[w] != "" ? "  (" what[w] ")" : ""), example[w] }'
  fi
done

if [ $found_any = yes ]; then
  echo
  echo "findings: replay one with $bin/fuzz-TARGET FILE; the logs are under .fuzz/logs/"
  exit 1
fi
