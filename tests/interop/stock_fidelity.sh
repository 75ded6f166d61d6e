#!/usr/bin/env bash
# The simulator's fidelity proven by the stock client: starts asim (3 nodes,
# test:2, ephemeral ports), runs stock_fidelity.js against it, then checks the
# stock client's shared-memory segment is gone once its process has exited.
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

# A key of our own, derived from our pid, so parallel runs never share a segment.
shm_key=$(( 0x5A000000 + ($$ & 0xffff) ))
shm_hex=$(printf '0x%08x' "$shm_key")
tmp=$(mktemp -d)
asim_pid=
node_pid=

shm_present() { ipcs -m | awk -v k="$shm_hex" '$1 == k { found = 1 } END { exit !found }'; }

cleanup() {
  if [[ -n $node_pid ]]; then
    kill "$node_pid" 2>/dev/null || true
    wait "$node_pid" 2>/dev/null || true
  fi
  if [[ -n $asim_pid ]]; then
    kill "$asim_pid" 2>/dev/null || true
    wait "$asim_pid" 2>/dev/null || true
  fi
  if shm_present; then ipcrm -M "$shm_key" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ms() { date +%s%3N; }
t0=$(ms)

# --duration outlives ctest's TIMEOUT 120.
start_asim 150
t1=$(ms)
echo "asim ready in $((t1 - t0)) ms: $seeds (shm key $shm_hex)"

if shm_present; then
  # Only a SIGKILLed earlier run with our pid can have left it.
  echo "note: removing stale shm segment $shm_hex left by an earlier run" >&2
  ipcrm -M "$shm_key"
fi

# In the background so a signal reaches our trap at once, not after node ends.
ASIM_SEEDS=$seeds SHM_KEY=$shm_key node "$here/stock_fidelity.js" &
node_pid=$!
rc=0
wait "$node_pid" || rc=$?
node_pid=
if [[ $rc -ne 0 ]]; then
  echo "FAIL the node script exited with status $rc" >&2
  exit 1
fi
t2=$(ms)
echo "node script done in $((t2 - t1)) ms (process exited)"

# The stock client marks the segment for removal when its last user detaches.
if shm_present; then
  ipcs -m | awk -v k="$shm_hex" 'NR <= 3 || $1 == k' >&2
  echo "FAIL the stock client left shm segment $shm_hex after its process exited (removed it)" >&2
  exit 1
fi
echo "shm segment $shm_hex gone after the stock client exited"
if ! kill -0 "$asim_pid" 2>/dev/null; then
  echo "FAIL asim died during the test" >&2
  cat "$tmp/asim.err" >&2
  exit 1
fi
echo "stock_fidelity: passed in $(( $(ms) - t0 )) ms"
