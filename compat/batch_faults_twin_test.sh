#!/usr/bin/env bash
# Batch calls under asim faults, twice: compat/batch_faults_twin.c (timeouts
# with and without retries, sequential and concurrent, a master-only retry,
# connections closed after writes, garbage, a 2^40-byte length, a truncated
# answer, respond_all_keys off) compiled once, linked against the stock C
# client 7.4.0 (the npm aerospike@6.7.1 addon) and against our
# libaerospike.so, run one after the other against one 3-node asim in one
# set. Statuses, in_doubt flags, messages and every row's result and
# in_doubt must be identical.
#
# usage: batch_faults_twin_test.sh BUILD_DIR SOURCE_DIR STOCK_DIR [EXTRA_CC_FLAGS]
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
cc -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $extra -I"$src/include" \
  -c "$src/compat/batch_faults_twin.c" || fail "compile"
link_stock stock_faults batch_faults_twin.o || fail "link stock"
link_ours "$build" ours_faults batch_faults_twin.o || fail "link ours"

# shellcheck source=tests/interop/start_asim.sh
. "$src/tests/interop/start_asim.sh"
start_asim 120
set_name=bfaults$$
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" timeout 60 ./stock_faults "$seeds" "$set_name" \
  >stock.out 2>stock.err || fail "stock exited with $?: $(tail -n 3 stock.out stock.err)"
timeout 60 ./ours_faults "$seeds" "$set_name" >ours.out 2>ours.err ||
  fail "ours exited with $?: $(tail -n 20 ours.err)"
grep "^[^ ]" stock.out
echo "stock 7.4.0: $(grep -c "^[^ ]" stock.out) calls, $(grep -c "^ " stock.out) rows"
diff stock.out ours.out >diff.out || fail "ours differs from stock: $(head -12 diff.out)"
echo "ok: identical"
