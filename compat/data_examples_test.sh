#!/usr/bin/env bash
# The data examples (compat/data_*.c: batch get, scan, background scan,
# query, geospatial query, record UDF, aggregation), each checking its own results in a
# set of its own (SET-PID), compiled once and run against one asim:
#   (a) linked against the stock C client 7.4.0 (npm aerospike@6.7.1
#       addon): proves the examples and asim;
#   (b) linked against our libaerospike.so;
#   (c) the stock-linked binaries with our library put first by LD_PRELOAD
#       (not in sanitizer builds: their runtime must be loaded first);
#   (d) ours with shared memory, alone and three runners at once.
# An example whose calls our library does not export yet is left out of
# (b)-(d) with a line saying so (the stock run still covers it).
#
# usage: data_examples_test.sh BUILD_DIR SOURCE_DIR STOCK_DIR [EXTRA_CC_FLAGS]
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
stock=$3
extra=${4:-}
asim=$(realpath -m "${ASIM:-$build/tools/asim/asim}")
examples=(batch_get scan scan_background query geo udf aggregate)
# The call each example needs beyond the key commands: without it in our
# exports the example cannot run on us.
declare -A needs=(
  [batch_get]=aerospike_batch_read [scan]=aerospike_scan_foreach
  [scan_background]=aerospike_scan_background [query]=aerospike_query_foreach
  [geo]=aerospike_query_foreach [udf]=aerospike_udf_put [aggregate]=aerospike_init_lua)
# shellcheck source=compat/twin_lib.sh
. "$src/compat/twin_lib.sh"
twin_init
find_addon "$stock"
sources=("$src/compat/basic_common.c" "$src/compat/data_common.c")
for e in "${examples[@]}"; do sources+=("$src/compat/data_$e.c"); done
cc -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $extra -I"$src/include" \
  -c "${sources[@]}" || fail "compile"
for e in "${examples[@]}"; do
  link_stock "stock_$e" "data_$e.o" data_common.o basic_common.o ||
    fail "link data_$e against stock"
done

mkfifo ready
"$asim" --nodes 3 --port 0 --duration 300 >ready 2>asim.err &
asim_pid=$!
exec 3<ready
read -r -t 10 line <&3 || fail "asim did not start: $(cat asim.err)"
exec 3<&-
[[ $line == "asim ready "* ]] || fail "asim said: $line"
seeds=${line#asim ready }
seed=${seeds%%,*}
echo "asim: $seeds"

# run LABEL BINARY_PREFIX SET [ENV...]: every example in $run once, each
# must end with "data_NAME: ok".
run_each() {
  local label=$1 prefix=$2 set=$3 e out
  shift 3
  for e in "${run[@]}"; do
    if ! out=$(timeout 60 env "$@" ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=${LEAKS:-1}" \
      "./${prefix}_$e" "$seed" "$set" ${shm_arg:+"$shm_arg"} 2>&1); then
      fail "$label: data_$e: $out"
    fi
    [ "$(tail -1 <<<"$out")" = "data_$e: ok" ] || fail "$label: data_$e printed: $out"
  done
  echo "$label: ${#run[@]} examples ok (${run[*]})"
}

# (a) stock: every example
shm_arg=
run=("${examples[@]}")
LEAKS=0 run_each "stock" stock "ds"

# (captured first: under pipefail, grep -q stopping at the first match would
# turn nm's SIGPIPE into a failure)
exports=$(nm -D --defined-only "$build/libaerospike.so" | awk '{print $3}')
run=()
for e in "${examples[@]}"; do
  if grep -qx "${needs[$e]}" <<<"$exports"; then
    run+=("$e")
  else
    echo "skip: data_$e on ours: ${needs[$e]} is not exported by our library yet"
  fi
done
[ ${#run[@]} -gt 0 ] || fail "ours: none of the data examples' calls is exported yet"

# (b) ours
for e in "${run[@]}"; do
  link_ours "$build" "ours_$e" "data_$e.o" data_common.o basic_common.o ||
    fail "link data_$e against ours"
done
run_each "ours" ours "do"

# (c) LD_PRELOAD into the stock-linked binaries
if [[ $extra == *-fsanitize* ]]; then
  echo "LD_PRELOAD: not run in a sanitizer build (the sanitizer runtime must load first)"
else
  LEAKS=0 run_each "LD_PRELOAD ours into stock-linked" stock "dp" \
    LD_PRELOAD="$build/libaerospike.so"
  # The addon is loaded too: show that the example's calls bound to us.
  e=${run[0]}
  LD_DEBUG=bindings LD_PRELOAD="$build/libaerospike.so" "./stock_$e" "$seed" dp \
    >/dev/null 2>bindings.txt || fail "LD_PRELOAD: data_$e under LD_DEBUG: $(tail -3 bindings.txt)"
  grep -q "binding file ./stock_$e .* to $build/libaerospike.so .*${needs[$e]}" bindings.txt ||
    fail "LD_PRELOAD: ${needs[$e]} of stock_$e did not bind to $build/libaerospike.so"
fi

# (d) ours with shared memory: alone, then three runners of each example at
# once on one segment (their sets differ by pid)
shm_key=$(printf '0x%08x' $(( 0x5F000000 | (($$ & 0xFFFF) << 8) | 1 )))
shm_keys+=("$shm_key")
shm_arg="shm=$shm_key"
run_each "ours, shared memory" ours "dm"
for e in "${run[@]}"; do
  pids=()
  for r in 1 2 3; do
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=1" \
      timeout 60 "./ours_$e" "$seed" dm3 "$shm_arg" >"$e.$r.out" 2>&1 &
    pids+=($!)
  done
  for r in 1 2 3; do
    wait "${pids[$((r - 1))]}" || fail "ours, shared memory: data_$e runner $r: $(cat "$e.$r.out")"
    [ "$(tail -1 "$e.$r.out")" = "data_$e: ok" ] ||
      fail "ours, shared memory: data_$e runner $r printed: $(cat "$e.$r.out")"
  done
done
echo "ours, shared memory: ${#run[@]} examples ok, 3 runners at once each"
echo "data examples: every phase above passed"
