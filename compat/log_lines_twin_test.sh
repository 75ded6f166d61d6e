#!/usr/bin/env bash
# The cluster log lines through as_log_set_callback, twice:
# compat/log_lines_twin.c (a refused seed, connect, a node added, a node
# stopped: its refresh fails and it is removed; then two processes on one
# shm_key: create, take over, follow, take over at close, remove the
# segment) compiled once, linked against the stock C client 7.4.0 (the npm
# aerospike@6.7.1 addon) and against our libaerospike.so, each run on a
# fresh 3-node asim. Every line, its level and its order must be identical
# once node names, ports and pids are replaced; a failure's error message
# (the text after its status name) is not compared.
#
# usage: log_lines_twin_test.sh BUILD_DIR SOURCE_DIR STOCK_DIR [EXTRA_CC_FLAGS]
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
stock=$3
extra=${4:-}
ASIM=$(realpath -m "${ASIM:-$build/tools/asim/asim}")
# shellcheck source=compat/twin_lib.sh
. "$src/compat/twin_lib.sh"
twin_init
find_addon "$stock"
# shellcheck disable=SC2086 # $extra is a list of flags
cc -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $extra \
  -I"$src/include" -c "$src/compat/log_lines_twin.c" || fail "compile"
link_stock stock_logs log_lines_twin.o || fail "link stock"
link_ours "$build" ours_logs log_lines_twin.o -lpthread || fail "link ours"

# shellcheck source=tests/interop/start_asim.sh
. "$src/tests/interop/start_asim.sh"
key=$(printf '0x4C%04X00' $(($$ & 0xFFFF)))
shm_keys=()
tries=50
for i in $(seq 1 $((2 * tries))); do shm_keys+=("$((key + i))"); done

# scenario NAME PROGRAM ARGS...: one run of PROGRAM on a fresh asim into
# NAME.part.
scenario() {
  local name=$1 program=$2
  shift 2
  rm -f "$tmp/ready"
  start_asim 60
  local rc=0
  timeout 40 "./$program" "$1" "$seeds" "${@:2}" >"$name.part" 2>"$name.err" || rc=$?
  kill -TERM "$asim_pid"
  wait "$asim_pid" 2>/dev/null || true
  asim_pid=
  return $rc
}
# 7.4.0's shm follower builds its nodes from an as_node_info whose server
# version it never sets (as_shm_reset_nodes), so it reads stack garbage
# there, which moves with address-space randomization; when that reads as
# 8.1 or later it sends user-agent-set on a socket it never opened and aborts
# in FD_SET(-1) (two runs in three here; every run with randomization off).
# Such a run says nothing about log lines: it is run again, up to 50 times
# (a retry costs about 0.2 s).
run() {
  local name=$1 program=$2 key=$3 try
  scenario "$name" "$program" private ||
    fail "$name private exited with $?: $(tail -n 20 "$name.part" "$name.err")"
  cat "$name.part" >"$name.out"
  for try in $(seq 1 "$tries"); do
    scenario "$name" "$program" shm "$((key + try))" && break
    if [ "$name" != stock ] || [ "$try" -eq "$tries" ] ||
      ! grep -q 'bit out of range 0 - FD_SETSIZE' "$name.err"; then
      fail "$name shm exited (try $try): $(tail -n 20 "$name.part" "$name.err")"
    fi
    echo "stock's follower aborted in FD_SET(-1) (its own defect): again"
  done
  cat "$name.part" >>"$name.out"
}
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" run stock stock_logs "$key"
run ours ours_logs "$((key + tries))"
cat stock.out
# The "%s %s" tail of a failure line (as_error_string and the message) is
# compared by its status name: the message is the socket layer's text, not
# the log line's.
for name in stock ours; do
  sed -E 's/ (AEROSPIKE_[A-Z_]+) .*/ \1 MESSAGE/' "$name.out" >"$name.lines"
done
diff stock.lines ours.lines >diff.out || fail "ours differs from stock: $(cat diff.out)"
echo "ok: $(wc -l <stock.lines) lines identical (messages after a status name not compared)"
