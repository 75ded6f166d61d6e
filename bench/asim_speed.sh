#!/usr/bin/env bash
# asim's single-core speed: one asim node pinned to one core, the load client
# pinned to another, each mode run for SECONDS. Usage:
#   bench/asim_speed.sh [BUILD_DIR]      (env: SECONDS_PER_MODE=10 CONNECTIONS=8)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
seconds=${SECONDS_PER_MODE:-10}
connections=${CONNECTIONS:-8}
cmake --build "$build" --target asim asim_load >/dev/null
asim=$build/tools/asim/asim
load=$build/bench/asim_load

# Two different cores keep the client from stealing the server's cycles; on
# a one-core machine both share it and the figures understate asim.
server_pin=() client_pin=()
if [ "$(nproc)" -ge 2 ]; then
  server_pin=(taskset -c 0)
  client_pin=(taskset -c 1)
fi

ready=$(mktemp)
trap 'rm -f "$ready"; [ -n "${asim_pid:-}" ] && kill "$asim_pid" 2>/dev/null || true' EXIT
"${server_pin[@]}" "$asim" --nodes 1 --port 0 >"$ready" &
asim_pid=$!
for _ in $(seq 100); do
  grep -q '^asim ready' "$ready" && break
  kill -0 "$asim_pid" 2>/dev/null || { echo "asim_speed: asim exited" >&2; exit 1; }
  sleep 0.05
done
port=$(sed -nE 's/^asim ready 127\.0\.0\.1:([0-9]+).*/\1/p' "$ready")
[ -n "$port" ] || { echo "asim_speed: asim did not report its port" >&2; exit 1; }

echo "machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "asim pinned: ${server_pin[*]:-no}  load pinned: ${client_pin[*]:-no}"
printf '%-6s %12s %8s %12s %12s\n' mode connections seconds requests req/s
for mode in info read; do
  line=$("${client_pin[@]}" "$load" --port "$port" --mode "$mode" --connections "$connections" --seconds "$seconds")
  get() { sed -nE "s/.*$1=([0-9.]+).*/\1/p" <<<"$line"; }
  printf '%-6s %12s %8s %12s %12s\n' "$mode" "$connections" "$(get seconds)" "$(get requests)" "$(get rate)"
done
