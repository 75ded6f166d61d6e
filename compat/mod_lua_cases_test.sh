#!/usr/bin/env bash
# The expected answers of tests/udf_bytes_test.cpp's Lua cases are stock's:
# compat/mod_lua_cases.c, linked against the stock client (the npm
# aerospike@6.7.1 addon, which embeds mod-lua and Lua 5.4), runs each case
# on the addon's own bytes and geojson classes and compares.
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
./mod_lua_cases "$src/tests/udf_bytes_test.cpp" || fail "stock mod-lua answers differ"
