#!/usr/bin/env bash
# Programs written against the 7.4.0 API, built the way their users build
# them: every .c compiled to an object file in one step, then linked in a
# separate step, once against libaerospike.so and once statically against
# libaerospike.a (with the libraries `pkg-config --static` lists). Both sets
# run against asim. Shared-memory keys derive from this shell's pid, and no
# segment may be left behind.
#
# usage: relink_test.sh BUILD_DIR SOURCE_DIR [EXTRA_CC_FLAGS]
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
extra=${3:-}
asim=${ASIM:-$build/tools/asim/asim}
tmp=$(mktemp -d)
asim_pid=
keys=()

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$asim_pid" ]; then kill -TERM "$asim_pid" 2>/dev/null; wait "$asim_pid" 2>/dev/null; fi
  # Segments (none should be left) and the ownership lock files, which the
  # library keeps by design (src/shm/README.md); every process here is gone.
  for k in "${keys[@]}"; do
    ipcrm -M "$k" 2>/dev/null || true
    rm -f "/dev/shm/aeroshim-$(printf '%08X' "$k").owner"
  done
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "FAIL: $*" >&2; exit 1; }
# (captured, not piped into grep -q: under pipefail a producer killed by
# SIGPIPE when grep stops at the first match would turn a match into a failure)
segment_exists() { grep -qix "$(printf '0x%08x' "$1")" <<<"$(ipcs -m | awk 'NR > 3 {print $1}')"; }

# 1. Compile: one cc invocation, object files only.
programs=(seed_example connect_example shm_example info_example)
sources=()
for p in "${programs[@]}"; do sources+=("$src/$p.c"); done
(cd "$tmp" && cc -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $extra \
  -I"$src/../include" -c "${sources[@]}") || fail "compile"

# 2. Link, separately: shared (rpath to the build tree) and static.
static_libs=$(PKG_CONFIG_PATH="$build" pkg-config --static --libs-only-l aerospike | sed 's/-laerospike//')
echo "pkg-config --static --libs-only-l aerospike (minus -laerospike): $static_libs"
for p in "${programs[@]}"; do
  cc $extra "$tmp/$p.o" -L"$build" -laerospike -Wl,-rpath,"$build" -o "$tmp/$p.shared" ||
    fail "link $p against libaerospike.so"
  cc $extra "$tmp/$p.o" "$build/libaerospike.a" $static_libs -o "$tmp/$p.static" ||
    fail "link $p against libaerospike.a"
done
loaded=$(ldd "$tmp/connect_example.shared")
grep -q "libaerospike.so => $build/libaerospike.so" <<<"$loaded" ||
  fail "the shared build does not load $build/libaerospike.so: $loaded"
if grep -q libaerospike <<<"$(ldd "$tmp/connect_example.static" 2>&1)"; then
  fail "the static build still needs libaerospike.so"
fi

# 3. A 3-node asim on ephemeral ports.
mkfifo "$tmp/asim.out"
"$asim" --nodes 3 --port 0 --namespace test:2 --duration 120 >"$tmp/asim.out" &
asim_pid=$!
exec 3<"$tmp/asim.out"
read -r -t 10 ready <&3 || fail "asim did not start"
echo "$ready"
ports=$(echo "$ready" | sed 's/^asim ready //; s/127\.0\.0\.1://g; s/,/ /g')
read -r port1 port2 port3 <<<"$ports"

base=$(( 0x5C000000 | (($$ & 0xFFFF) << 8) ))
n=0
for kind in shared static; do
  echo "--- $kind"
  # The seed's snippet (with a pid-derived key instead of 0xA5000000).
  key=$(printf '0x%08x' $((base + n))); n=$((n + 1)); keys+=("$key")
  out=$("$tmp/seed_example.$kind" 127.0.0.1 "$port1" "$key") || fail "seed_example.$kind: $out"
  echo "$out"
  [ "$out" = "aerospike_connect: 0 " ] || fail "seed_example.$kind said: $out"
  segment_exists "$key" && fail "seed_example.$kind left segment $key"

  # Connect with a private map; every node seen.
  out=$("$tmp/connect_example.$kind" 127.0.0.1 "$port1" "$port2") || fail "connect_example.$kind: $out"
  echo "$out"
  [ "$(echo "$out" | head -1)" = "connected: 3 nodes" ] ||
    fail "connect_example.$kind saw: $out"

  # Shared memory: an owner holding the segment, a follower reading it.
  key=$(printf '0x%08x' $((base + n))); n=$((n + 1)); keys+=("$key")
  "$tmp/shm_example.$kind" 127.0.0.1 "$port1" "$key" 2000 >"$tmp/owner.out" 2>&1 &
  owner=$!
  for _ in $(seq 200); do grep -q '^owner pid' "$tmp/owner.out" && break; sleep 0.02; done
  out=$("$tmp/shm_example.$kind" 127.0.0.1 "$port2" "$key") || fail "shm follower.$kind: $out"
  wait "$owner" || fail "shm owner.$kind: $(cat "$tmp/owner.out")"
  echo "owner:    $(tr '\n' ' ' <"$tmp/owner.out")"
  echo "follower: $(echo "$out" | tr '\n' ' ')"
  grep -qx "shm connected: 3 nodes" "$tmp/owner.out" || fail "owner.$kind did not see 3 nodes"
  grep -qx "shm connected: 3 nodes" <<<"$out" || fail "follower.$kind did not see 3 nodes"
  grep -qx "owner pid $owner" "$tmp/owner.out" || fail "owner.$kind is not the segment's owner"
  grep -qx "owner pid $owner" <<<"$out" || fail "follower.$kind does not follow pid $owner"
  segment_exists "$key" && fail "shm_example.$kind left segment $key"

  # Info: any, host, every node, foreach.
  out=$("$tmp/info_example.$kind" 127.0.0.1 "$port3") || fail "info_example.$kind: $out"
  echo "$out"
  [ "$(echo "$out" | grep -c '^foreach ')" = 3 ] || fail "info_example.$kind foreach"
  [ -z "$(echo "$out" | awk '/^node / && $2 != $4')" ] || fail "info_example.$kind: a node answered another name"
  [ "$(echo "$out" | tail -1)" = "info: ok" ] || fail "info_example.$kind"
done
echo "relink: shared and static builds of ${programs[*]} ran against asim; no segment left"
