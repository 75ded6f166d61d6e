#!/usr/bin/env bash
# Regenerates tests/vectors/*.txt (and the *.calls.md beside them) from the
# stock client: starts one asim node with --record on an ephemeral port, runs
# tests/vectors/record.js (npm aerospike@6.7.1, C client 7.4.0 inside) against
# it, and keeps what the stock client put on the wire.
#   usage: scripts/record-vectors.sh [BUILD_DIR]     (default: build)
# env: ASIM (default BUILD_DIR/tools/asim/asim), AEROSHIM_STOCK_DIR,
#      VECTORS_DIR (default tests/vectors: where the files are written)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
asim=${ASIM:-$build/tools/asim/asim}
stock=${AEROSHIM_STOCK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aeroshim/stock-6.7.1}
[[ -x $asim ]] || { echo "record-vectors: no asim at $asim (build it first)" >&2; exit 1; }
AEROSHIM_STOCK_DIR=$stock "$root/scripts/stock-client.sh"

tmp=$(mktemp -d)
asim_pid=
cleanup() {
  if [[ -n $asim_pid ]]; then
    kill "$asim_pid" 2>/dev/null || true
    wait "$asim_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

: >"$tmp/record.hex"
mkfifo "$tmp/ready"
"$asim" --nodes 1 --port 0 --namespace test:1 --record "$tmp/record.hex" --duration 300 \
  >"$tmp/ready" 2>"$tmp/asim.err" &
asim_pid=$!
exec 3<"$tmp/ready"
if ! read -r -t 10 ready <&3 || [[ $ready != "asim ready "* ]]; then
  echo "record-vectors: asim did not come up" >&2
  cat "$tmp/asim.err" >&2
  exit 1
fi
exec 3<&-

ASIM_SEEDS=${ready#asim ready } ASIM_RECORD=$tmp/record.hex AEROSHIM_STOCK_DIR=$stock \
  VECTORS_DIR=${VECTORS_DIR:-$root/tests/vectors} node "$root/tests/vectors/record.js"
