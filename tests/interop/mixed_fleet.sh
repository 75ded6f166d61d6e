#!/usr/bin/env bash
# A mixed fleet of aeroshim and stock-client processes sharing segments:
# starts asim (3 nodes, test:2), runs mixed_fleet.js with four keys derived
# from our pid (one per scenario), and on every exit path stops the members it
# started, removes those keys' segments and our lock files.
# env: ASIM, ASSHM, FLEET_MEMBER, TAKEOVER_TIMER, AEROSHIM_STOCK_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
. "$here/start_asim.sh"
. "$here/members.sh"
: "${ASIM:?ASIM must name the asim binary}"
: "${ASSHM:?ASSHM must name the asshm binary}"
: "${FLEET_MEMBER:?FLEET_MEMBER must name the fleet_member binary}"
: "${TAKEOVER_TIMER:?TAKEOVER_TIMER must name the takeover_timer binary}"
require_stock_client

base=$(( 0x5B000000 + (($$ & 0xffff) << 2) ))
keys=()
for i in 0 1 2 3; do keys+=( $(( base + i )) ); done
tmp=$(mktemp -d)
pids_file=$tmp/pids
: >"$pids_file"
asim_pid=
node_pid=

key_hex() { printf '0x%08x' "$1"; }
shm_present() { ipcs -m | awk -v k="$(key_hex "$1")" '$1 == k { found = 1 } END { exit !found }'; }

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
  local key
  for key in "${keys[@]}"; do
    if shm_present "$key"; then ipcrm -M "$key" 2>/dev/null || true; fi
    rm -f "/dev/shm/aeroshim-$(printf '%08X' "$key").owner"
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ms() { date +%s%3N; }
t0=$(ms)

for key in "${keys[@]}"; do
  if shm_present "$key"; then
    # Only a SIGKILLed earlier run with our pid can have left it.
    echo "note: removing stale shm segment $(key_hex "$key") left by an earlier run" >&2
    ipcrm -M "$key"
  fi
done

# --duration outlives ctest's TIMEOUT 180.
start_asim 200
echo "asim ready in $(( $(ms) - t0 )) ms: $seeds; keys$(for k in "${keys[@]}"; do printf " %s" "$(key_hex "$k")"; done)"

# In the background so a signal reaches our trap at once, not after node ends.
ASIM_SEEDS=$seeds SHM_KEYS=$(IFS=,; echo "${keys[*]}") PIDS_FILE=$pids_file \
  node "$here/mixed_fleet.js" &
node_pid=$!
rc=0
wait "$node_pid" || rc=$?
node_pid=
if [[ $rc -ne 0 ]]; then
  echo "FAIL the node script exited with status $rc" >&2
  exit 1
fi

for key in "${keys[@]}"; do
  if shm_present "$key"; then
    echo "FAIL segment $(key_hex "$key") outlived every member" >&2
    exit 1
  fi
done
if ! kill -0 "$asim_pid" 2>/dev/null; then
  echo "FAIL asim died during the test" >&2
  cat "$tmp/asim.err" >&2
  exit 1
fi
echo "stock_mixed_fleet: passed in $(( $(ms) - t0 )) ms"
