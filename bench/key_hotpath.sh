#!/usr/bin/env bash
# The synchronous single-record hot path, ours against the stock C client
# 7.4.0, in one run against one 3-node asim (bench/README.md, "Key commands"):
# bench/key_bench.c is compiled once and linked twice (our libaerospike; the
# npm addon, which exports 7.4.0's C API), then for put, get and exists:
#   - system calls per command: strace -c on the main thread (commands run
#     there; the tend thread is not traced), a run of OPS commands minus a
#     run of none, divided by OPS;
#   - heap allocations per command on the main thread (key_bench counts them);
#   - ns per command, median and largest of TRIALS runs of OPS.
#   usage: bench/key_hotpath.sh [BUILD_DIR]   env: OPS=20000 TRIALS=20 RESULTS=bench/results/key_hotpath.md
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
ops=${OPS:-20000}
trials=${TRIALS:-20}
results=${RESULTS:-$root/bench/results/key_hotpath.md}
stock_dir=${AEROSHIM_STOCK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aeroshim/stock-6.7.1}
fail() { echo "key_hotpath: $*" >&2; exit 1; }
command -v strace >/dev/null || fail "needs strace (apt-get install strace)"
addon=$(find "$stock_dir/node_modules/aerospike/lib/binding" -name aerospike.node 2>/dev/null | head -1)
[[ -n $addon ]] || fail "no stock addon under $stock_dir (run scripts/stock-client.sh)"
cmake --build "$build" -j 2 --target aerospike asim >/dev/null

work=$(mktemp -d)
asim_pid=
cleanup() {
  [[ -n $asim_pid ]] && kill "$asim_pid" 2>/dev/null && wait "$asim_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

cc -O2 -I"$root/include" -c "$root/bench/key_bench.c" -o "$work/key_bench.o"
cc "$work/key_bench.o" -L"$build" -laerospike -Wl,-rpath,"$build" -o "$work/ours"
cc "$work/key_bench.o" -Wl,--no-as-needed "$addon" -lssl -lcrypto -Wl,--allow-shlib-undefined \
  -Wl,-rpath,"$(dirname "$addon")" -rdynamic -o "$work/stock"

"$build/tools/asim/asim" --nodes 3 --port 0 --namespace test:2 --duration 900 >"$work/asim.out" 2>&1 &
asim_pid=$!
for _ in $(seq 100); do grep -q '^asim ready' "$work/asim.out" && break; sleep 0.1; done
port=$(sed -nE 's/^asim ready 127\.0\.0\.1:([0-9]+).*/\1/p' "$work/asim.out")
[[ -n $port ]] || fail "asim did not start"

# Calls per command from two strace summaries (OPS commands, none).
syscalls() {  # syscalls SIDE OP -> "N (name a, name b, ...)"
  strace -c -o "$work/s0" "$work/$1" 127.0.0.1 "$port" 0 "$2" >/dev/null
  strace -c -o "$work/s1" "$work/$1" 127.0.0.1 "$port" "$ops" "$2" >/dev/null
  awk -v ops="$ops" '
    FNR == NR { if ($1 ~ /^[0-9]/ && $NF != "total") base[$NF] = $4; next }
    $1 ~ /^[0-9]/ && $NF != "total" { d = $4 - base[$NF]; if (d > 0) { per = d / ops; total += per;
        if (per >= 0.01) list = list sprintf("%s%s %.2f", list ? ", " : "", $NF, per) } }
    END { printf "%.2f (%s)", total, list }' "$work/s0" "$work/s1"
}
field() { awk -v f="$2" '{ for (i = 1; i < NF; i++) if ($i == f) print $(i + 1) }' "$1"; }
median_max() { sort -n | awk '{ v[NR] = $1 } END { printf "%.0f %.0f\n", v[int((NR + 1) / 2)], v[NR] }'; }

{
  echo "| command | side | system calls per command | heap allocations per command | ns per command (median / largest of $trials x $ops) |"
  echo "|---|---|---|---|---|"
  for op in put get exists; do
    for side in ours stock; do
      calls=$(syscalls "$side" "$op")
      : >"$work/times"
      for _ in $(seq "$trials"); do
        "$work/$side" 127.0.0.1 "$port" "$ops" "$op" >"$work/run"
        field "$work/run" ns_per_op >>"$work/times"
      done
      allocs=$(field "$work/run" allocs_per_op)
      read -r med max < <(median_max <"$work/times")
      echo "| $op | $side | $calls | $allocs | $med / $max |"
    done
  done
} | tee "$work/table"
mkdir -p "$(dirname "$results")"
{
  echo "# key_hotpath: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  cat "$work/table"
} >"$results"
