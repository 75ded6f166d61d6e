#!/usr/bin/env bash
# as_query_validate_begin / as_query_validate twice: compat/query_validate_twin.c
# (a key, the same key, no key, a rebalance, an unknown and an empty
# namespace, migrations left) compiled once, linked against the stock C
# client 7.4.0 (the npm aerospike@6.7.1 addon) and against our
# libaerospike.so, run one after the other against one 3-node asim.
# Statuses, messages and whether a key came back must be identical.
#
# usage: query_validate_twin_test.sh BUILD_DIR SOURCE_DIR STOCK_DIR [EXTRA_CC_FLAGS]
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
  -c "$src/compat/query_validate_twin.c" || fail "compile"
link_stock stock_validate query_validate_twin.o || fail "link stock"
link_ours "$build" ours_validate query_validate_twin.o || fail "link ours"

# shellcheck source=tests/interop/start_asim.sh
. "$src/tests/interop/start_asim.sh"
start_asim 60
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" timeout 30 ./stock_validate "$seeds" \
  >stock.out 2>stock.err || fail "stock exited with $?: $(tail -n 3 stock.out stock.err)"
timeout 30 ./ours_validate "$seeds" >ours.out 2>ours.err ||
  fail "ours exited with $?: $(tail -n 20 ours.err)"
cat stock.out
diff stock.out ours.out >diff.out || fail "ours differs from stock: $(head -20 diff.out)"
echo "ok: identical"
