# Shared by scripts/bench-check.sh and bench-start.sh: sourced, not run.

# Builds the release connexml (in SCRATCH_PATH, default .build) and makes
# $work, a temporary folder removed at exit, with links to it ($bin) and
# to the binary in $against, when set. Prints the machine's state.
bench_prepare() {
  echo "building connexml (release)..."
  local scratch=${SCRATCH_PATH:-.build}
  swift build -c release --product connexml --scratch-path "$scratch" >/dev/null
  bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/connexml

  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # Commands are passed around as words: the binaries get names without spaces.
  ln -s "$bin" "$work/connexml"
  bin=$work/connexml
  if [ -n "${against:-}" ]; then ln -s "$(realpath "$against")" "$work/other-connexml"; against=$work/other-connexml; fi
  echo "machine: $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
