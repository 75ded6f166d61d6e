#!/usr/bin/env bash
# `make run`: the whole story in one command, in well under a minute. A
# 3-node simulated cluster; N application processes sharing one segment,
# each putting and getting records as fast as it can, with one owner that
# tends and followers that only read the map; the cluster's tend traffic
# staying at one tender's; then the owner closed and the next one killed
# while the others keep going without an error. Everything it starts it
# stops, and the segment and its lock file are removed, also on Ctrl-C.
#
#   AEROSHIM_DEMO_KEY      the segment's key (default 0xA5000000, the library's default)
#   AEROSHIM_DEMO_PORT     the first node's port, nodes on P..P+2 (default: ephemeral ports)
#   AEROSHIM_DEMO_WORKERS  how many application processes (default 4, 2..16)
set -uo pipefail
build=${1:-build}
key=${AEROSHIM_DEMO_KEY:-0xA5000000}
port=${AEROSHIM_DEMO_PORT:-0}
workers=${AEROSHIM_DEMO_WORKERS:-4}
asim=$build/tools/asim/asim
asshm=$build/tools/asshm/asshm
client=$build/tools/demo/demo_client
timer=$build/tools/demo/takeover_timer
counter=$build/tools/demo/tend_counter

if ! [[ $key =~ ^(0[xX][0-9a-fA-F]{1,8}|[0-9]{1,10})$ ]] || (( key <= 0 || key > 0xFFFFFFFF )); then
  echo "AEROSHIM_DEMO_KEY=$key is not a segment key: give 1..0xFFFFFFFF, decimal or 0x hex"; exit 2
fi
key=$(printf '0x%08X' "$key")
if ! [[ $port =~ ^[0-9]{1,5}$ ]] || (( port > 65533 )); then
  echo "AEROSHIM_DEMO_PORT=$port is not a port: give 0 (ephemeral) or 1..65533"; exit 2
fi
if ! [[ $workers =~ ^[0-9]{1,2}$ ]] || (( workers < 2 || workers > 16 )); then
  echo "AEROSHIM_DEMO_WORKERS=$workers: give 2..16"; exit 2
fi
for tool in "$asim" "$asshm" "$client" "$timer" "$counter"; do
  [ -x "$tool" ] || { echo "make run needs $tool: run it through make run, which builds it"; exit 1; }
done
lock_file=/dev/shm/aeroshim-${key#0x}.owner
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
  # The ownership lock file outlives every process by design (src/shm/README.md);
  # with all our clients gone and no segment left, nobody else uses it.
  if ! segment_present; then
    rm -f "$lock_file"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo; echo "interrupted: cleaning up"; exit 130' INT TERM

if segment_present; then
  echo "a segment with key $key already exists (another aeroshim or stock client is running?)."
  echo "stop those clients, pick another key with AEROSHIM_DEMO_KEY, or remove it: $asshm rm --key $key"
  exit 1
fi

# The totals a worker last reported: "OPS ERRORS", or "- -" before its first.
totals() { awk '$1 == "ops" { o = $2; e = $4 } END { print (o == "" ? "- -" : o " " e) }' "$work/client.$1.out"; }
tend_requests() { "$counter" "$port" || echo 0; }
kilo() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1000 }'; }

# One line a second for $1 seconds: each worker's commands per second, the
# sum, the errors so far, and the info requests the cluster answered per
# second (tending is all of them: the workers' commands are data requests).
watch_load() {
  local seconds=$1 s i before=() after line total errors tends_before tends_after
  for i in $(seq "${#pids[@]}"); do read -r ops _ <<<"$(totals "$i")"; before[i]=$ops; done
  tends_before=$(tend_requests)
  for s in $(seq "$seconds"); do
    sleep 1
    tends_after=$(tend_requests)
    line="" total=0 errors=0
    for i in $(seq "${#pids[@]}"); do
      read -r ops errs <<<"$(totals "$i")"
      if ! kill -0 "${pids[i-1]}" 2>/dev/null; then
        line+=$(printf ' %7s' gone)
      elif [ "$ops" = - ] || [ "${before[i]}" = - ]; then
        line+=$(printf ' %7s' -)
      else
        line+=$(printf ' %6sk' "$(kilo $((ops - before[i])))")
        total=$((total + ops - before[i]))
      fi
      [ "$errs" != - ] && errors=$((errors + errs))
      before[i]=$ops
    done
    printf '  %2d s:%s  = %6sk commands/s, %d errors; the cluster answered %d tend requests/s\n' \
      "$s" "$line" "$(kilo "$total")" "$errors" $((tends_after - tends_before))
    last_tends=$((tends_after - tends_before))
    tends_before=$tends_after
  done
}

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

bold "2. $workers application processes with use_shm = true, shm_key = $key, each putting and getting"
start_client() {
  "$client" 127.0.0.1 "$port" "$key" load > "$work/client.$1.out" 2>"$work/client.$1.err" &
  pids+=($!)
  disown $!
}
for i in $(seq "$workers"); do
  start_client "$i"
  # Wait until this client has connected (its first line) before the next,
  # so the first one is the owner and the story is deterministic.
  for _ in $(seq 100); do [ -s "$work/client.$i.out" ] && break; sleep 0.05; done
  head -n1 "$work/client.$i.out"
  if [ "$i" = 1 ]; then
    echo "  with one process, the cluster's tend traffic is one tender's:"
    watch_load 2
    single=$last_tends
  fi
done
echo "  with $workers, one process still tends and the others only read its map"
echo "  (tending privately, without use_shm, they would send about $((workers * single)) requests/s):"
watch_load 3

bold "3. The segment, as asshm sees it"
"$asshm" status --key "$key"

bold "4. The owner closes (SIGTERM -> aerospike_close): who takes over, and how fast?"
if out=$("$timer" "$key" 15 5000); then
  read -r old new ms <<<"$out"
  echo "  owner $old closed; pid $new took over after $ms ms (stock 7.4.0: up to one tender_interval, ~1000 ms)"
fi
watch_load 2

bold "5. The new owner is killed with kill -9: who takes over, and how fast?"
if out=$("$timer" "$key" 9 5000); then
  read -r old new ms <<<"$out"
  echo "  owner $old was killed; pid $new took over after $ms ms (stock 7.4.0: shm_takeover_threshold_sec, 30 s)"
fi
watch_load 2
"$asshm" status --key "$key"

bold "6. Closing every client and the simulator"
stop_clients
commands=0 errors=0
for i in $(seq "$workers"); do
  read -r ops errs <<<"$(totals "$i")"
  [ "$ops" != - ] && commands=$((commands + ops)) && errors=$((errors + errs))
done
echo "  $commands commands, $errors errors"
if [ "$errors" -ne 0 ]; then
  echo "  the first failures:"; cat "$work"/client.*.err | head -5
  exit 1
fi
if segment_present; then
  echo "  segment $key is still present after every client closed"
  exit 1
fi
echo "  the last client to close removed segment $key"
cleanup
echo "  all processes stopped"
