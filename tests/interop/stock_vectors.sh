#!/usr/bin/env bash
# The committed vectors are still what the stock client sends: records every
# group again into a scratch directory and compares byte for byte, so a
# change to record.js or asim that is not followed by a re-recording fails.
# env: ASIM, AEROSHIM_STOCK_DIR (set by tests/CMakeLists.txt)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
: "${ASIM:?ASIM must name the asim binary}"
: "${AEROSHIM_STOCK_DIR:?AEROSHIM_STOCK_DIR must name the stock client install}"
if [[ ! -d $AEROSHIM_STOCK_DIR/node_modules/aerospike ]]; then
  echo "FAIL stock client not installed in $AEROSHIM_STOCK_DIR (run scripts/stock-client.sh)" >&2
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
VECTORS_DIR=$out "$root/scripts/record-vectors.sh"
rc=0
for f in "$out"/*; do
  name=$(basename "$f")
  if ! cmp -s "$f" "$root/tests/vectors/$name"; then
    echo "FAIL tests/vectors/$name differs from a fresh recording (run scripts/record-vectors.sh):" >&2
    diff <(cut -c1-160 "$root/tests/vectors/$name") <(cut -c1-160 "$f") | head -20 >&2 || true
    rc=1
  fi
done
[[ $rc -eq 0 ]] && echo "stock_vectors: $(ls "$out" | wc -l) files identical to a fresh recording"
exit $rc
