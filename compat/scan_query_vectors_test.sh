#!/usr/bin/env bash
# tests/vectors/scan_query.txt still is what the stock client 7.4.0 writes:
# records it anew (scripts/record-scan-query-vectors.sh, compiled against
# our headers, which must not change a byte) and compares.
#   usage: scan_query_vectors_test.sh SOURCE_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$src/scripts/record-scan-query-vectors.sh" "$out" >/dev/null
if ! diff -u "$src/tests/vectors/scan_query.txt" "$out"; then
  echo "FAIL: the stock client now writes other bytes (- committed, + recorded)" >&2
  exit 1
fi
echo "$(wc -l <"$out") scan/query vectors, identical to the committed ones"
