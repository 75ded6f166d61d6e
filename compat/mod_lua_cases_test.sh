#!/usr/bin/env bash
# The expected answers of the Lua cases of tests/udf_bytes_test.cpp and
# tests/udf_collections_test.cpp are stock's: compat/mod_lua_cases.c,
# linked against the stock client (the npm aerospike@6.7.1 addon, which
# embeds mod-lua and Lua 5.4), runs each case on the addon's own classes
# (bytes, geojson, list, map) and as.lua helpers and compares.
#
# usage: mod_lua_cases_test.sh SOURCE_DIR STOCK_DIR [EXTRA_CC_FLAGS]
set -euo pipefail
src=$(cd "$1" && pwd)
stock=$2
extra=${3:-}
# shellcheck source=compat/twin_lib.sh
. "$src/compat/twin_lib.sh"
twin_init
find_addon "$stock"
# Only the Lua headers: every lua_* call binds to the addon's Lua.
# shellcheck disable=SC2046,SC2086 # word lists
cc -std=c99 -Wall -Wextra -Werror $extra $(pkg-config --cflags lua5.4) \
  -c "$src/compat/mod_lua_cases.c" -o mod_lua_cases.o || fail "compile"
link_stock mod_lua_cases mod_lua_cases.o || fail "link stock"
status=0
for test in udf_bytes_test udf_collections_test; do
  ./mod_lua_cases "$src/tests/$test.cpp" || { echo "$test: stock answers differ"; status=1; }
done
[ $status = 0 ] || fail "stock mod-lua answers differ"
