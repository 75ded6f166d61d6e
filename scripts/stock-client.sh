#!/usr/bin/env bash
# Installs the stock client (npm aerospike@6.7.1, whose prebuilt Node addon
# contains the real C client 7.4) into a cache outside the source tree, once.
# Interop tests and benchmarks find it through AEROSHIM_STOCK_DIR.
set -euo pipefail
dir=${AEROSHIM_STOCK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aeroshim/stock-6.7.1}
if [ -f "$dir/node_modules/aerospike/package.json" ] &&
   node -e "require('$dir/node_modules/aerospike')" 2>/dev/null; then
  exit 0
fi
mkdir -p "$dir"
echo "installing the stock client (npm aerospike@6.7.1) into $dir"
(cd "$dir" && npm install --no-audit --no-fund --loglevel=error aerospike@6.7.1 >/dev/null)
node -e "require('$dir/node_modules/aerospike')"
