#!/usr/bin/env bash
# Records tests/vectors/scan_query.txt from the stock client: compiles
# tests/vectors/scan_query_probe.c (the cases of tests/scan_query_cases.inc),
# links it against the npm aerospike@6.7.1 addon, which contains the C client
# 7.4.0 and exports its C API (compat/twin_lib.sh), and keeps what it writes.
#   usage: scripts/record-scan-query-vectors.sh [OUTPUT]
#          (default tests/vectors/scan_query.txt)
# env: AEROSHIM_STOCK_DIR; STOCK_INCLUDE, a colon-separated list of include
#      directories to compile against instead of ours (the committed file was
#      recorded with the 7.4.0 client's and common library's src/include).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
output=$(realpath -m "${1:-$root/tests/vectors/scan_query.txt}")
stock=${AEROSHIM_STOCK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aeroshim/stock-6.7.1}
includes=()
IFS=: read -r -a dirs <<<"${STOCK_INCLUDE:-$root/include}"
for d in "${dirs[@]}"; do includes+=("-I$d"); done

# shellcheck source=compat/twin_lib.sh
. "$root/compat/twin_lib.sh"
twin_init
find_addon "$stock"
cc -std=gnu99 -D_POSIX_C_SOURCE=200809L -w "${includes[@]}" \
  -c "$root/tests/vectors/scan_query_probe.c" -o probe.o || fail "compile"
link_stock probe probe.o || fail "link against the stock client"
# 7.4.0's compare functions print "Line N" on stdout; only the file counts.
./probe probe.txt >/dev/null || fail "the probe failed against the stock client"
cp probe.txt "$output"
echo "$(wc -l <"$output") vectors in $output"
