#!/usr/bin/env bash
# One program, two libraries: data_model_example.c is compiled once against
# our headers, as a user compiles it, then linked against our libaerospike.so
# and against the stock C client 7.4.0 (the npm aerospike@6.7.1 addon, which
# exports the C API; a one-line shim stands in for the Node hook its
# constructor calls). Both runs must print the same lines.
#
# usage: stock_twin_test.sh BUILD_DIR SOURCE_DIR STOCK_DIR [EXTRA_CC_FLAGS]
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
stock=$3
extra=${4:-}
# shellcheck source=compat/twin_lib.sh
. "$src/compat/twin_lib.sh"
twin_init
find_addon "$stock"
cc -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $extra -I"$src/include" \
  -c "$src/compat/data_model_example.c" || fail "compile"
link_ours "$build" ours data_model_example.o || fail "link ours"
link_stock stock_twin data_model_example.o || fail "link stock"

# Leak checks are for our library: 7.4.0 itself leaks the value of an append
# a full stack list refuses (we free it), which LeakSanitizer would report.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" ./stock_twin >stock.out 2>&1 ||
  fail "the stock run failed: $(tail -3 stock.out)"
./ours >ours.out 2>&1 || fail "our run failed: $(tail -3 ours.out)"
if ! diff -u stock.out ours.out; then
  fail "our library answered differently from stock 7.4.0 (- stock, + ours)"
fi
echo "$(wc -l <ours.out) lines, identical to stock 7.4.0"
