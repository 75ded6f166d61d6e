#!/usr/bin/env bash
# A stock rack-aware follower of our rack-aware owner: starts asim (3 nodes,
# namespaces test and other, replication factor 3), runs rack_follow.js with a
# key derived from our pid, and whatever way it ends stops the members the
# script started, removes the key's segment and our lock file, then asim.
# env: ASIM, ASSHM, FLEET_MEMBER, AEROSHIM_STOCK_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
. "$here/start_asim.sh"
. "$here/members.sh"
: "${ASIM:?ASIM must name the asim binary}"
: "${ASSHM:?ASSHM must name the asshm binary}"
: "${FLEET_MEMBER:?FLEET_MEMBER must name the fleet_member binary}"
require_stock_client

# 0x52 is no other test's prefix; the low 16 bits of our pid keep parallel
# runs apart.
shm_key=$(( 0x52000000 + ($$ & 0xffff) ))
shm_hex=$(printf '0x%08x' "$shm_key")
lock_file=/dev/shm/aeroshim-$(printf '%08X' "$shm_key").owner
tmp=$(mktemp -d)
pids_file=$tmp/pids
: >"$pids_file"
asim_pid=
node_pid=

shm_present() { ipcs -m | awk -v k="$shm_hex" '$1 == k { found = 1 } END { exit !found }'; }

cleanup() {
  if [[ -n $node_pid ]]; then
    kill "$node_pid" 2>/dev/null || true
    wait "$node_pid" 2>/dev/null || true
  fi
  stop_members
  if [[ -n $asim_pid ]]; then
    kill "$asim_pid" 2>/dev/null || true
    wait "$asim_pid" 2>/dev/null || true
  fi
  if shm_present; then ipcrm -M "$shm_key" 2>/dev/null || true; fi
  rm -f "$lock_file"
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ms() { date +%s%3N; }
t0=$(ms)

if shm_present; then
  # Only a SIGKILLed earlier run with our pid can have left it.
  echo "note: removing stale shm segment $shm_hex left by an earlier run" >&2
  ipcrm -M "$shm_key"
fi

# --duration outlives ctest's TIMEOUT 120.
start_asim 150 test:3 other:3
echo "asim ready in $(( $(ms) - t0 )) ms: $seeds; key $shm_hex"

# In the background so a signal reaches our trap at once, not after node ends.
ASIM_SEEDS=$seeds SHM_KEY=$shm_key PIDS_FILE=$pids_file node "$here/rack_follow.js" &
node_pid=$!
rc=0
wait "$node_pid" || rc=$?
node_pid=
if [[ $rc -ne 0 ]]; then
  echo "FAIL the node script exited with status $rc" >&2
  exit 1
fi

if shm_present; then
  echo "FAIL segment $shm_hex outlived every member" >&2
  exit 1
fi
if ! kill -0 "$asim_pid" 2>/dev/null; then
  echo "FAIL asim died during the test" >&2
  cat "$tmp/asim.err" >&2
  exit 1
fi
echo "stock_rack_follow: passed in $(( $(ms) - t0 )) ms"
