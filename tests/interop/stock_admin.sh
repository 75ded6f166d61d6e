#!/usr/bin/env bash
# asim's truncate and index commands judged by the stock client: starts asim (3 nodes,
# test:2, ephemeral ports) and runs stock_admin.js against it.
# env: ASIM, AEROSHIM_STOCK_DIR (set by tests/CMakeLists.txt)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
. "$here/start_asim.sh"
: "${ASIM:?ASIM must name the asim binary}"
: "${AEROSHIM_STOCK_DIR:?AEROSHIM_STOCK_DIR must name the stock client install}"
if [[ ! -d $AEROSHIM_STOCK_DIR/node_modules/aerospike ]]; then
  echo "FAIL stock client not installed in $AEROSHIM_STOCK_DIR (run scripts/stock-client.sh)" >&2
  exit 1
fi
tmp=$(mktemp -d)
asim_pid=
node_pid=
cleanup() {
  [[ -n $node_pid ]] && { kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }
  [[ -n $asim_pid ]] && { kill "$asim_pid" 2>/dev/null || true; wait "$asim_pid" 2>/dev/null || true; }
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_asim 150
ASIM_SEEDS=$seeds node "$here/stock_admin.js" &
node_pid=$!
rc=0
wait "$node_pid" || rc=$?
node_pid=
exit "$rc"
