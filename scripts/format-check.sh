#!/usr/bin/env bash
# The Swift code's format, as .swift-format at the top of the package
# describes it (4-space indents, lines up to 130 columns: where the code's
# own line lengths fall off). Strict: every finding fails.
#   scripts/format-check.sh            check Sources and Tests
#   scripts/format-check.sh --count    print the number of findings per rule, and pass
# To fix, format in place and review the diff: swift format -i -r Sources Tests
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--count" ]; then
  findings="$(swift format lint -r Sources Tests 2>&1 | grep -E ': (warning|error): \[' | sort -u || true)"
  if [ -z "$findings" ]; then echo "format: 0 findings"; exit 0; fi
  echo "$findings" | sed -E 's/.*: (warning|error): \[([A-Za-z]+)\].*/\2/' | sort | uniq -c | sort -rn
  echo "format: $(echo "$findings" | wc -l) findings"
  exit 0
fi

swift format lint --strict -r Sources Tests
echo "format: no findings"
