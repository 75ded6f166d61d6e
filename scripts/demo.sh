#!/usr/bin/env bash
# `make run`: the seed's story in one command. A 3-node simulated cluster,
# four application processes sharing one segment under key 0xA5000000, one
# owner that tends and three followers that only read; then a graceful
# handoff and a crash takeover, timed. Everything it starts it stops, and the
# segment is removed, also on Ctrl-C.
set -uo pipefail
build=${1:-build}
key=0xA5000000
# Ephemeral ports unless asked for fixed ones (nodes on P..P+2).
port=${AEROSHIM_DEMO_PORT:-0}
asim=$build/tools/asim/asim
asshm=$build/tools/asshm/asshm
client=$build/tools/demo/demo_client
timer=$build/tools/demo/takeover_timer
for tool in "$asim" "$asshm" "$client" "$timer"; do
  if [ ! -x "$tool" ]; then
    echo "make run needs $tool, which this checkout does not build yet:"
    echo "the simulator (tools/asim), the inspector (tools/asshm) and cluster tending"
    echo "are still being written (see README.md, 'Status')."
    exit 1
  fi
done
work=$(mktemp -d)
pids=()
asim_pid=

# Captured rather than piped into grep -q, which under pipefail could report
# a match as a failure when ipcs/awk die of SIGPIPE.
segment_present() { grep -qix "$key" <<<"$(ipcs -m | awk '{print $1}')"; }

bold() { printf '\n\033[1m%s\033[0m\n' "$*"; }

alive() {
  local p
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && return 0; done
  return 1
}

stop_clients() {
  # Clients close on SIGTERM (the last one out removes the segment). They are
  # disowned (so the shell prints no "Killed" notice for the kill -9 below),
  # hence polled rather than waited for; SIGKILL after 5 s.
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for _ in $(seq 100); do alive || break; sleep 0.05; done
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
}

cleanup() {
  trap - EXIT INT TERM
  stop_clients
  [ -n "$asim_pid" ] && kill -TERM "$asim_pid" 2>/dev/null && wait "$asim_pid" 2>/dev/null
  ipcrm -M "$key" 2>/dev/null
  # The ownership lock file outlives every process by design (src/shm/README.md);
  # with all our clients gone and no segment left, nobody else uses it.
  if ! segment_present; then
    rm -f /dev/shm/aeroshim-A5000000.owner
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo; echo "interrupted: cleaning up"; exit 130' INT TERM

if segment_present; then
  echo "a segment with key $key already exists (another aeroshim or stock client is running?)."
  echo "stop those clients, or remove it with: ipcrm -M $key"
  exit 1
fi

bold "1. A simulated 3-node Aerospike cluster (asim)"
coproc ASIM { exec "$asim" --nodes 3 --port "$port" --namespace test:2 --duration 120; }
asim_pid=$ASIM_PID
if ! read -r -t 10 ready <&"${ASIM[0]}"; then
  echo "the simulator did not start (is port $port free? set AEROSHIM_DEMO_PORT)"; exit 1
fi
echo "  $ready"
# The clients' seed: the first node.
seed=${ready#asim ready }
seed=${seed%%,*}
port=${seed##*:}

bold "2. Four application processes with use_shm = true, shm_key = $key"
start_client() {
  "$client" 127.0.0.1 "$port" "$key" > "$work/client.$1.out" 2>&1 &
  pids+=($!)
  disown $!
}
for i in 1 2 3 4; do
  start_client "$i"
  # Wait until this client has connected (its first line) before the next,
  # so the first one is the owner and the story is deterministic.
  for _ in $(seq 100); do [ -s "$work/client.$i.out" ] && break; sleep 0.05; done
  cat "$work/client.$i.out"
done

bold "3. The segment, as asshm sees it"
"$asshm" status --key "$key"

bold "4. The owner closes (SIGTERM -> aerospike_close): who takes over, and how fast?"
if out=$("$timer" "$key" 15 5000); then
  read -r old new ms <<<"$out"
  echo "  owner $old closed; pid $new took over after $ms ms (stock 7.4.0: up to one tender_interval, ~1000 ms)"
fi

bold "5. The new owner is killed with kill -9: who takes over, and how fast?"
if out=$("$timer" "$key" 9 5000); then
  read -r old new ms <<<"$out"
  echo "  owner $old was killed; pid $new took over after $ms ms (stock 7.4.0: shm_takeover_threshold_sec, 30 s)"
fi
"$asshm" status --key "$key"

bold "6. Closing every client and the simulator"
stop_clients
if segment_present; then
  echo "  segment $key is still present after every client closed"
  exit 1
fi
echo "  the last client to close removed segment $key"
cleanup
echo "  all processes stopped"
