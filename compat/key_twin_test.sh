#!/usr/bin/env bash
# The key script, twice: compat/key_script.c (with its UDF, admin, batch,
# scan and aggregation parts, key_script_{udf,admin,batch,scan,aggregate}.c)
# is compiled once
# against our headers, linked against the stock C client 7.4.0 (the npm
# aerospike@6.7.1 addon, as in stock_twin_test.sh) and against our
# libaerospike.so, and both run against one asim, each in its own set, with
# a private cluster map and then with a shared-memory one. Every pair of
# outputs must be identical.
#
# The stock runs come first and must succeed: they prove the script and asim.
# Until our library exports the key commands the test fails after them, with
# "ours: aerospike_key_* not exported yet".
#
# usage: key_twin_test.sh BUILD_DIR SOURCE_DIR STOCK_DIR [EXTRA_CC_FLAGS]
# With KEY_TWIN_WRITE_VECTOR=FILE the stock run's output is also written to
# FILE (tests/vectors/key_script.stock.txt) under a header saying how.
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
cc -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $extra -I"$src/include" \
  -c "$src/compat/key_script.c" "$src/compat/key_script_udf.c" "$src/compat/key_script_admin.c" \
  "$src/compat/key_script_batch.c" "$src/compat/key_script_scan.c" \
  "$src/compat/key_script_aggregate.c" ||
  fail "compile"
parts=(key_script.o key_script_udf.o key_script_admin.o key_script_batch.o key_script_scan.o
  key_script_aggregate.o)
link_stock stock_twin "${parts[@]}" || fail "link stock"

# shellcheck source=tests/interop/start_asim.sh
. "$src/tests/interop/start_asim.sh"
start_asim 120
seed=${seeds%%,*}
echo "asim: $seeds"

# Shared-memory keys from this shell's pid, one per run.
shm_base=$(( 0x5E000000 | (($$ & 0xFFFF) << 8) ))
shm_key() { local k; k=$(printf '0x%08x' $((shm_base + $1))); shm_keys+=("$k"); echo "$k"; }

# run_stock OUT PROGRAM ARGS...: leak checks (in sanitizer builds) are for
# our library only, never for stock 7.4.0's own allocations.
run_stock() {
  local out=$1
  shift
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" timeout 100 "$@" >"$out" 2>"$out.err" ||
    fail "$* exited with $?: $(tail -3 "$out" "$out.err")"
  if grep -qv '^connect \|^[0-9][0-9][0-9] \|^    \|^cleanup \|^commands=' "$out"; then
    fail "$* printed unexpected lines: $(grep -v '^connect \|^[0-9][0-9][0-9] \|^    \|^cleanup \|^commands=' "$out" | head -3)"
  fi
}
run_stock stock.out ./stock_twin "$seed"
run_stock stock_shm.out ./stock_twin "$seed" "shm=$(shm_key 1)"
echo "stock 7.4.0: $(tail -1 stock.out), exit 0 with a private map and with shared memory"
# Both modes answer the same commands the same way; only the connect line says which.
diff <(tail -n +2 stock.out) <(tail -n +2 stock_shm.out) >/dev/null ||
  fail "stock answered differently with shared memory: $(diff stock.out stock_shm.out | head -5)"

if [ -n "${KEY_TWIN_WRITE_VECTOR:-}" ]; then
  {
    echo "# compat/key_script.c: stock C client 7.4.0 (npm aerospike@6.7.1 addon) against asim" \
      "tools/asim of $(git -C "$src" log -1 --format=%h -- tools/asim 2>/dev/null || echo unknown)," \
      "written by" \
      "KEY_TWIN_WRITE_VECTOR=... compat/key_twin_test.sh"
    cat stock.out
  } >"$KEY_TWIN_WRITE_VECTOR"
  echo "wrote $KEY_TWIN_WRITE_VECTOR"
fi
vector=$src/tests/vectors/key_script.stock.txt
if [ -f "$vector" ] && ! diff -q <(grep -v '^#' "$vector") stock.out >/dev/null; then
  # Not a failure: asim learning new commands changes what stock is answered.
  echo "note: the stock output differs from $vector (asim changed?); regenerate it with KEY_TWIN_WRITE_VECTOR"
fi

# (captured first: under pipefail, grep -q stopping at the first match would
# turn nm's SIGPIPE into a failure)
exports=$(nm -D --defined-only "$build/libaerospike.so" | awk '{print $3}')
grep -qx aerospike_key_get <<<"$exports" ||
  fail "ours: aerospike_key_* not exported yet (the stock side passed: $(tail -1 stock.out))"
link_ours "$build" ours "${parts[@]}" || fail "link ours"
# Our runs may stop early (a crash, a hang): the lines they printed are still
# diffed, so the first command that went wrong shows.
status=0
for mode in plain shm; do
  out=ours.out ref=stock.out args=("$seed")
  if [ "$mode" = shm ]; then out=ours_shm.out ref=stock_shm.out args=("$seed" "shm=$(shm_key 2)"); fi
  rc=0
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=1" timeout 100 ./ours "${args[@]}" >"$out" 2>"$out.err" || rc=$?
  if ! diff -u "$ref" "$out"; then
    echo "FAIL: ours ($mode) answered differently from stock 7.4.0 (- stock, + ours)" >&2
    status=1
  fi
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: ours ($mode) exited with $rc: $(tail -5 "$out.err")" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] || exit 1
echo "$(wc -l <ours.out) lines, identical to stock 7.4.0, with a private map and with shared memory"
