#!/usr/bin/env bash
# The batch requests, byte for byte: compat/batch_wire.c (a fixed list of
# batch calls, records and keys API, default and explicit policies) is
# compiled once against our headers, linked against the stock C client
# 7.4.0 (the npm aerospike@6.7.1 addon) and against our libaerospike.so,
# and each run against its own fresh one-node asim --record. The batch
# frames (info1 BATCH_INDEX) of both recordings must be identical, nothing
# normalized: the same keys, set and policies must give the same bytes.
# Then both run against a three-node asim, where every frame (batch and
# single-record, in the order sent) must be identical too.
# Without the addon, tests/vectors/batch_requests.stock.txt (the stock
# frames, committed) is compared with instead.
#
# usage: batch_wire_test.sh BUILD_DIR SOURCE_DIR STOCK_DIR [EXTRA_CC_FLAGS]
# With BATCH_WIRE_WRITE_VECTOR=FILE the stock frames are also written to
# FILE (tests/vectors/batch_requests.stock.txt) under a header saying how.
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
stock=$3
extra=${4:-}
ASIM=$(realpath -m "${ASIM:-$build/tools/asim/asim}")
# shellcheck source=compat/twin_lib.sh
. "$src/compat/twin_lib.sh"
vector=$src/tests/vectors/batch_requests.stock.txt
twin_init
# shellcheck disable=SC2086 # $extra is a list of flags
cc -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $extra -I"$src/include" \
  -c "$src/compat/batch_wire.c" || fail "compile"
link_ours "$build" ours_wire batch_wire.o || fail "link ours"
# Without the stock client, its committed frames stand in for its run.
live=1
if [ -z "$(find "$stock/node_modules/aerospike/lib/binding" -name aerospike.node 2>/dev/null)" ]; then
  [ -f "$vector" ] || fail "no stock addon under $stock and no $vector"
  echo "no stock addon under $stock: comparing with $vector"
  live=
else
  find_addon "$stock"
  link_stock stock_wire batch_wire.o || fail "link stock"
fi

# record NAME PROGRAM NODES: runs PROGRAM against a fresh NODES-node asim
# recording into NAME.hex, then keeps in NAME.batch the batch frames
# (message frames whose info1 has BATCH_INDEX, 0x08, and compressed frames:
# only batches are large enough here to be compressed) or, with several
# nodes, every frame (a node given one key gets a single-record command).
record() {
  local name=$1 program=$2 nodes=$3 ready=
  : >"$name.hex"
  mkfifo "$name.ready"
  "$ASIM" --nodes "$nodes" --port 0 --namespace test:1 --record "$PWD/$name.hex" --duration 60 \
    >"$name.ready" 2>"$name.asim.err" &
  asim_pid=$!
  exec 3<"$name.ready"
  read -r -t 10 ready <&3 || fail "asim did not come up: $(cat "$name.asim.err")"
  exec 3<&-
  [[ $ready == "asim ready "* ]] || fail "unexpected asim line: $ready"
  # Leak checks (sanitizer builds) are for our library only, never for
  # stock 7.4.0's own allocations.
  local asan=${ASAN_OPTIONS:-}
  [ "$name" = stock ] && asan="$asan:detect_leaks=0"
  ASAN_OPTIONS=$asan timeout 60 "./$program" "${ready#asim ready }" wire >"$name.out" 2>&1 ||
    fail "$program exited with $?: $(tail -3 "$name.out")"
  kill -TERM "$asim_pid"
  wait "$asim_pid" 2>/dev/null || true
  asim_pid=
  # hex digits 0-1 version 02, 2-3 type 03, 16-17 header size 16, 18-19 info1
  if [ "$nodes" = 1 ]; then
    awk 'substr($0, 3, 2) == "04" || (substr($0, 3, 2) == "03" && substr($0, 20, 1) ~ /[89a-f]/)' \
      "$name.hex" >"$name.batch"
  else
    cp "$name.hex" "$name.batch"
  fi
  [ -s "$name.batch" ] || fail "$program sent no batch frame"
}
# compare STOCK OURS WHAT: the two recordings, line by line.
compare() {
  local stock_frames=$1 ours_frames=$2 what=$3 line s o i
  if ! diff -q "$stock_frames" "$ours_frames" >/dev/null; then
    # Say where: the first differing frame and byte.
    line=$(diff <(cat -n "$stock_frames") <(cat -n "$ours_frames") |
      awk '/^[<>]/ {print $2; exit}' || true)
    s=$(sed -n "${line}p" "$stock_frames")
    o=$(sed -n "${line}p" "$ours_frames")
    i=0
    while [ "${s:$i:2}" = "${o:$i:2}" ] && [ $i -lt ${#s} ]; do i=$((i + 2)); done
    fail "$what: frame $line differs at byte $((i / 2)): stock ${s:$i:32}... ours ${o:$i:32}..." \
      "(stock $(( ${#s} / 2 )) bytes, ours $(( ${#o} / 2 )); $(wc -l <"$stock_frames") vs" \
      "$(wc -l <"$ours_frames") frames)"
  fi
  echo "ok: $what: $(wc -l <"$ours_frames") frames identical"
}

# One node: every call is one batch-index command.
if [ -n "$live" ]; then
  record stock stock_wire 1
else
  grep -v '^#' "$vector" >stock.batch
fi
record ours ours_wire 1
echo "stock 7.4.0 sent $(wc -l <stock.batch) batch frames, $(grep -c "^0204" stock.batch) compressed"
if [ -n "$live" ] && [ -n "${BATCH_WIRE_WRITE_VECTOR:-}" ]; then
  {
    echo "# compat/batch_wire.c: the batch frames the stock C client 7.4.0 (npm aerospike@6.7.1" \
      "addon) sends to a one-node asim, one a line in hex as asim --record writes them;" \
      "written by BATCH_WIRE_WRITE_VECTOR=... compat/batch_wire_test.sh"
    cat stock.batch
  } >"$BATCH_WIRE_WRITE_VECTOR"
  echo "wrote $BATCH_WIRE_WRITE_VECTOR"
fi
if [ -n "$live" ] && [ -f "$vector" ] && ! diff -q <(grep -v '^#' "$vector") stock.batch >/dev/null; then
  # Not a failure: compat/batch_wire.c changed; regenerate the vector.
  echo "note: the stock frames differ from $vector; regenerate it with BATCH_WIRE_WRITE_VECTOR"
fi
compare stock.batch ours.batch "one node"

# Three nodes (live only): the keys split by node in key order, one
# command per node in turn, single-record commands for one-key nodes.
if [ -n "$live" ]; then
  record stock3 stock_wire 3
  record ours3 ours_wire 3
  compare stock3.batch ours3.batch "three nodes"
fi
