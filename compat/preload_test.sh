#!/usr/bin/env bash
# LD_PRELOAD: a program linked against "libaerospike.so" runs on aeroshim even
# when the library the loader would find is another one. The test builds a
# decoy with the same soname whose every export (abi/exports.txt) aborts,
# shows that the program dies on the decoy alone (so this test can fail), and
# that with LD_PRELOAD=build/libaerospike.so it runs correctly and never
# touches the decoy.
#
# usage: preload_test.sh BUILD_DIR SOURCE_DIR [EXTRA_CC_FLAGS]
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
extra=${3:-}
asim=${ASIM:-$build/tools/asim/asim}
tmp=$(mktemp -d)
asim_pid=

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$asim_pid" ]; then kill -TERM "$asim_pid" 2>/dev/null; wait "$asim_pid" 2>/dev/null; fi
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "FAIL: $*" >&2; exit 1; }

soname=$(readelf -d "$build/libaerospike.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
echo "our soname: $soname"
[ -n "$soname" ] || fail "libaerospike.so has no soname"

# The decoy: every exported function aborts with its name; g_as_log (the one
# exported object) is data of the same size so copy relocations still work.
mkdir "$tmp/decoy"
{
  echo '#include <stdio.h>'
  echo '#include <stdlib.h>'
  echo 'static void decoy(const char* name) { fprintf(stderr, "DECOY %s called\n", name); abort(); }'
  grep -v '^#' "$src/../abi/exports.txt" | grep -v '^$' | while read -r sym; do
    if [ "$sym" = g_as_log ]; then
      echo 'struct { int level; _Bool callback_set; void* callback; } g_as_log;'
    else
      echo "void $sym(void) { decoy(\"$sym\"); }"
    fi
  done
} >"$tmp/decoy/decoy.c"
cc -shared -fPIC $extra -Wl,-soname,"$soname" -o "$tmp/decoy/libaerospike.so" "$tmp/decoy/decoy.c" ||
  fail "building the decoy"
decoy_exports=$(nm -D --defined-only "$tmp/decoy/libaerospike.so" | awk '{print $3}' | grep -vc '^_' || true)
echo "decoy: $tmp/decoy/libaerospike.so, soname $(readelf -d "$tmp/decoy/libaerospike.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'), $decoy_exports exports"

# The program: linked against libaerospike.so with no rpath, so the loader
# takes whatever LD_LIBRARY_PATH offers.
cc -std=c99 -D_POSIX_C_SOURCE=200809L $extra -I"$src/../include" -c "$src/info_example.c" -o "$tmp/info_example.o"
cc $extra "$tmp/info_example.o" -L"$build" -laerospike -o "$tmp/info_example"
grep -q "NEEDED.*\[$soname\]" <<<"$(readelf -d "$tmp/info_example")" || fail "program does not need $soname"

mkfifo "$tmp/asim.out"
"$asim" --nodes 3 --port 0 --duration 120 >"$tmp/asim.out" &
asim_pid=$!
exec 3<"$tmp/asim.out"
read -r -t 10 ready <&3 || fail "asim did not start"
echo "$ready"
port=$(echo "$ready" | sed 's/^asim ready 127\.0\.0\.1:\([0-9]*\).*/\1/')

echo "--- decoy alone (must abort)"
set +e
# (braces: the shell's own "Aborted" notice is expected, not shown)
{ LD_LIBRARY_PATH="$tmp/decoy" "$tmp/info_example" 127.0.0.1 "$port" >"$tmp/alone.out" 2>&1; } 2>/dev/null
rc=$?
set -e
cat "$tmp/alone.out"
echo "exit status $rc"
[ "$rc" -ne 0 ] || fail "the program ran on the decoy: the test could not fail"
grep -q '^DECOY ' "$tmp/alone.out" || fail "the decoy was not reached"

echo "--- decoy on the path, LD_PRELOAD=$build/libaerospike.so"
set +e
LD_LIBRARY_PATH="$tmp/decoy" LD_PRELOAD="$build/libaerospike.so" "$tmp/info_example" 127.0.0.1 "$port" \
  >"$tmp/preload.out" 2>&1
rc=$?
set -e
cat "$tmp/preload.out"
[ "$rc" -eq 0 ] || fail "exit status $rc with LD_PRELOAD"
grep -q DECOY "$tmp/preload.out" && fail "the decoy was called under LD_PRELOAD"
[ "$(tail -1 "$tmp/preload.out")" = "info: ok" ] || fail "info_example under LD_PRELOAD"
# Which objects the loader mapped: ours, not the decoy.
loaded=$(LD_LIBRARY_PATH="$tmp/decoy" LD_PRELOAD="$build/libaerospike.so" LD_TRACE_LOADED_OBJECTS=1 \
  "$tmp/info_example" | grep aerospike)
echo "mapped: $loaded"
grep -q "$tmp/decoy" <<<"$loaded" && fail "the decoy was mapped too"
echo "preload: the decoy aborts alone; with LD_PRELOAD the program runs on aeroshim"
