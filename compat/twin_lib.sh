# Sourced by the compat tests that link one program against the stock C
# client 7.4.0 (the npm aerospike@6.7.1 addon, which exports its C API) and
# against our libaerospike.so. After `set -euo pipefail`:
#   twin_init                 scratch directory $tmp (the working directory
#                             from now on), cleanup on exit of asim
#                             ($asim_pid) and of the SysV keys in
#                             ${shm_keys[@]} with our lock files
#   fail MESSAGE              print and exit 1
#   find_addon STOCK_DIR      sets $addon, or fails
#   link_stock OUT OBJECT...  links against the addon (a stub stands in for
#                             the Node hook its constructor calls; its Node
#                             and V8 symbols stay unresolved, nothing called
#                             here needs them, and binding is lazy)
#   link_ours BUILD OUT OBJECT...

fail() { echo "FAIL: $*" >&2; exit 1; }

twin_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "${asim_pid:-}" ]; then kill -TERM "$asim_pid" 2>/dev/null; wait "$asim_pid" 2>/dev/null; fi
  # Neither library should leave a segment; the lock files ours keeps by
  # design (src/shm/README.md) go too, every process here being gone.
  for k in "${shm_keys[@]}"; do
    ipcrm -M "$k" 2>/dev/null || true
    rm -f "/dev/shm/aeroshim-$(printf '%08X' "$k").owner"
  done
  rm -rf "$tmp"
  exit $rc
}

twin_init() {
  tmp=$(mktemp -d)
  asim_pid=
  shm_keys=()
  trap twin_cleanup EXIT
  trap 'exit 130' INT TERM
  cd "$tmp"
}

find_addon() {
  addon=$(find "$1/node_modules/aerospike/lib/binding" -name aerospike.node 2>/dev/null | head -1)
  [ -n "$addon" ] || fail "no stock addon under $1 (run scripts/stock-client.sh)"
}

link_stock() {
  local out=$1
  shift
  [ -f node_shim.o ] || {
    printf 'void node_module_register(void* module);\nvoid node_module_register(void* module) { (void)module; }\n' >node_shim.c
    cc -c node_shim.c -o node_shim.o
  }
  # shellcheck disable=SC2086 # $extra is a list of flags
  cc ${extra:-} "$@" node_shim.o -Wl,--no-as-needed "$addon" -lssl -lcrypto \
    -Wl,--allow-shlib-undefined -Wl,-rpath,"$(dirname "$addon")" -rdynamic -o "$out"
}

link_ours() {
  local build=$1 out=$2
  shift 2
  # shellcheck disable=SC2086
  cc ${extra:-} "$@" -L"$build" -laerospike -Wl,-rpath,"$build" -o "$out"
}
