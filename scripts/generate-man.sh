#!/usr/bin/env bash
# The manual pages in docs/man, made from the command definitions by
# swift-argument-parser's generate-manual plugin: connexml.1 and one page per
# subcommand (connexml.check.1, ...).
#
#   scripts/generate-man.sh           regenerate docs/man after changing a
#                                     command's options or help
#   scripts/generate-man.sh --check   regenerate aside and compare: exit 1,
#                                     with the difference, when docs/man is
#                                     out of date (CI)
#
# SCRATCH_PATH: SwiftPM's build folder (default .build). The plugin builds
# the package (debug) and its own tool there.
set -euo pipefail
cd "$(dirname "$0")/.."

# A fixed date, so that regenerating an unchanged command changes nothing.
# Bump it with the version in Connexml.swift.
MANUAL_DATE=2026-01-01
scratch="${SCRATCH_PATH:-.build}"

generated="$scratch/plugins/GenerateManual/outputs/connexml"
rm -rf "$generated"  # pages of an earlier run would linger otherwise
swift package --scratch-path "$scratch" plugin generate-manual \
  --configuration debug --multi-page --date "$MANUAL_DATE" >&2
[ -f "$generated/connexml.1" ] || { echo "generate-man.sh: no pages in $generated" >&2; exit 2; }

if [ "${1:-}" = "--check" ]; then
  if diff -r -u docs/man "$generated"; then
    echo "docs/man is up to date"
  else
    echo "docs/man is out of date: run scripts/generate-man.sh and commit docs/man" >&2
    exit 1
  fi
else
  rm -rf docs/man
  mkdir -p docs/man
  cp "$generated"/*.1 docs/man/
  echo "wrote $(ls docs/man | wc -l) pages to docs/man"
fi
