#!/usr/bin/env bash
# make bench: aeroshim against the stock client (npm aerospike@6.7.1, the C
# client 7.4 inside) in one run against one 3-node asim, printed as one
# markdown table (median, p99, stock/aeroshim) and copied to
# bench/results/latest.md. What each row measures: bench/README.md.
#
# usage: bench/run.sh [BUILD_DIR]
# env:   TRIALS=20 (>= 20)  RATE_SECONDS=20 (>= 20)  RATE_NS="1 4 16 64"
#        LOOKUPS=1000000 (per lookup trial)  AEROSHIM_STOCK_DIR  RESULTS=bench/results/latest.md
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd) || exit 1
trials=${TRIALS:-20}
rate_seconds=${RATE_SECONDS:-20}
rate_ns=${RATE_NS:-1 4 16 64}
lookups=${LOOKUPS:-1000000}
results=${RESULTS:-$here/results/latest.md}
stock_dir=${AEROSHIM_STOCK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aeroshim/stock-6.7.1}
export AEROSHIM_STOCK_DIR=$stock_dir

fail() { echo "bench: $*" >&2; exit 1; }
(( trials >= 20 )) || fail "TRIALS must be at least 20 (median and p99 need them)"
(( rate_seconds >= 20 )) || fail "RATE_SECONDS must be at least 20 (one sample a second)"
[[ -d $stock_dir/node_modules/aerospike ]] || fail "no stock client in $stock_dir (run scripts/stock-client.sh)"
addon=$stock_dir/node_modules/aerospike/lib/binding/node-v$(node -p process.versions.modules)-linux-x64/aerospike.node
[[ -f $addon ]] || fail "the stock client has no addon for this Node ($addon)"

cmake --build "$build" -j 2 --target asim bench_client lookup_bench stock_lookup takeover_timer >/dev/null ||
  fail "cannot build the bench programs in $build"
asim=$build/tools/asim/asim
bench_client=$build/bench/bench_client
lookup_bench=$build/bench/lookup_bench
stock_lookup=$build/bench/stock_lookup
timer=$build/tools/demo/takeover_timer

# Stock processes that die at connect (a known stock 7.4 abort) leave no core.
ulimit -c 0
work=$(mktemp -d)
log=$work/stderr.log
pids=()
asim_pid=
# 256 SysV keys of our own, derived from our pid, so parallel runs never meet.
key_base=$(( 0x59000000 + (($$ & 0xffff) << 8) ))
keys_used=0

# A pid is signalled only while it still runs one of our programs: one that
# ended minutes ago may have handed its pid to someone else's process.
mine() { grep -qaE 'bench_client|stock_client\.js|takeover_timer' "/proc/$1/cmdline" 2>/dev/null; }

stop_all() {
  local p
  for p in "${pids[@]}"; do mine "$p" && kill -TERM "$p" 2>/dev/null; done
  for _ in $(seq 100); do
    local alive=0
    for p in "${pids[@]}"; do mine "$p" && alive=1 && break; done
    (( alive )) || break
    sleep 0.05
  done
  for p in "${pids[@]}"; do mine "$p" && kill -KILL "$p" 2>/dev/null; done
  pids=()
}

cleanup() {
  trap - EXIT INT TERM
  stop_all
  [[ -n $asim_pid ]] && kill -TERM "$asim_pid" 2>/dev/null
  local k hex
  for hex in $(ipcs -m | awk '$1 ~ /^0x/ { print $1 }'); do
    k=$(( hex ))
    (( k >= key_base && k < key_base + 256 )) && ipcrm -M "$k" 2>/dev/null
  done
  # The lock files outlive their owners by design (src/shm/README.md); with
  # every process of ours gone, nobody else uses these keys.
  for (( k = key_base; k < key_base + 256; k++ )); do
    printf -v hex '%08X' "$k"
    rm -f "/dev/shm/aeroshim-$hex.owner"
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "bench: interrupted, cleaning up" >&2; exit 130' INT TERM

new_key() {
  (( keys_used < 256 )) || fail "out of SysV keys"
  key=$(( key_base + keys_used++ ))
}

# One application process, ours or the stock client's, run by exec so its pid
# is the caller's $!. HOLD 1 keeps it connected until SIGTERM.
client() {  # client ours|stock noshm|shm|idle KEY HOLD
  if [[ $1 == ours ]]; then
    exec "$bench_client" "$2" 127.0.0.1 "$port" "$3" "$4"
  fi
  exec node "$here/stock_client.js" "$2" "127.0.0.1:$port" "$3" "$4"
}

# Stock processes often abort at connect when they build their nodes from a
# ready segment (followers): as_node_create sends the user agent over a node
# socket that is not open, and glibc's fortified FD_SET(-1) aborts. Those are
# counted and started again. A process that dies while becoming the owner of a
# fresh segment leaves it locked by a dead pid, which stock would take over
# only after the 30 s threshold: that segment is removed first (nobody else is
# attached yet).
died() {  # died SIDE ROLE KEY
  echo "$1" >>"$work/died"
  [[ $2 == owner ]] && ipcrm -M "$3" 2>/dev/null
  return 0
}

# Connect-and-close once; prints the connect time in ms. A process that dies
# before connecting is counted and run again.
one_shot() {  # one_shot SIDE MODE ROLE KEY
  local out
  for _ in $(seq 20); do
    out=$( client "$1" "$2" "$4" 0 2>>"$log" )
    if [[ $out == connect_ms* ]]; then
      echo "${out#connect_ms }"
      return 0
    fi
    died "$1" "$3" "$4"
  done
  fail "$1 $2 connect failed 20 times (see stderr below)"$'\n'"$(tail -5 "$log")"
}

# Starts one holding process per KEY argument (all at once) and waits until
# each has connected, restarting any that died first (counted). Disowned, so
# the shell prints no notice when one is killed; their pids go to $pids and,
# in order, to $started. ROLE: owner when each is the first on its key.
hold() {  # hold SIDE MODE ROLE KEY...
  local side=$1 mode=$2 role=$3 i tries=0
  shift 3
  local -a keys=("$@") slot_pid=() out=()
  for i in "${!keys[@]}"; do
    out[i]=$work/hold.$side.$BASHPID.$RANDOM.$i
    client "$side" "$mode" "${keys[i]}" 1 >"${out[i]}" 2>>"$log" &
    slot_pid[i]=$!
    disown "$!"
  done
  local deadline=$(( SECONDS + 60 ))
  while :; do
    local waiting=0
    for i in "${!keys[@]}"; do
      [[ -s ${out[i]} ]] && continue
      waiting=1
      if ! kill -0 "${slot_pid[i]}" 2>/dev/null; then
        died "$side" "$role" "${keys[i]}"
        (( ++tries <= 10 * ${#keys[@]} )) || fail "$side $mode processes keep dying at connect"$'\n'"$(tail -5 "$log")"
        client "$side" "$mode" "${keys[i]}" 1 >"${out[i]}" 2>>"$log" &
        slot_pid[i]=$!
        disown "$!"
      fi
    done
    (( waiting )) || break
    (( SECONDS < deadline )) || fail "$side $mode processes did not connect within 60 s"
    sleep 0.02
  done
  pids+=("${slot_pid[@]}")
  started=("${slot_pid[@]}")
}

repeat() { local i; for (( i = 0; i < $2; i++ )); do echo "$1"; done; }

# --- the cluster -------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$asim" --nodes 3 --port 0 --namespace test:2 --duration 900 >"$work/asim.out" 2>>"$log" &
asim_pid=$!
disown "$asim_pid"
for _ in $(seq 200); do
  grep -q '^asim ready' "$work/asim.out" && break
  kill -0 "$asim_pid" 2>/dev/null || fail "asim exited"
  sleep 0.05
done
port=$(sed -nE 's/^asim ready 127\.0\.0\.1:([0-9]+).*/\1/p' "$work/asim.out")
[[ -n $port ]] || fail "asim did not report its ports"
echo "bench: asim ready on 127.0.0.1:$port (3 nodes), shm keys from $(printf '0x%08X' "$key_base")" >&2

# --- 1. connect time ------------------------------------------------------------
# Ours and stock alternate trial by trial, so load from elsewhere hits both alike.
echo "bench: connect times ($trials trials each)" >&2
for (( i = 0; i < trials; i++ )); do
  for side in ours stock; do
    one_shot "$side" noshm - 0 >>"$work/connect_noshm.$side"
    new_key
    one_shot "$side" shm owner "$key" >>"$work/connect_owner.$side"
  done
done
new_key; ours_key=$key
new_key; stock_key=$key
hold ours shm owner "$ours_key"
hold stock shm owner "$stock_key"
for (( i = 0; i < trials; i++ )); do
  one_shot ours shm follower "$ours_key" >>"$work/connect_follower.ours"
  one_shot stock shm follower "$stock_key" >>"$work/connect_follower.stock"
done
stop_all

# --- 2. graceful handoff -----------------------------------------------------------
# An owner and a follower per side; the owner is sent SIGTERM (its handler
# calls close) and the stopwatch runs until another pid holds the lock; a new
# follower then replaces the one that became owner.
echo "bench: graceful handoff ($trials trials each)" >&2
new_key; ours_key=$key
new_key; stock_key=$key
hold ours shm owner "$ours_key"; hold ours shm follower "$ours_key"
hold stock shm owner "$stock_key"; hold stock shm follower "$stock_key"
for (( i = 0; i < trials; i++ )); do
  for side in ours stock; do
    k=$ours_key; [[ $side == stock ]] && k=$stock_key
    # A stock follower tries the lock once per tend interval from its connect
    # on; closing right after a follower connected would always land at the
    # same point of that cycle. A random pause of up to one interval does not.
    sleep "0.$(printf '%03d' $(( RANDOM % 1000 )))"
    out=$("$timer" "$k" 15 10000 2>>"$log") || fail "$side handoff: no new owner within 10 s"
    echo "${out##* }" >>"$work/handoff.$side"
    hold "$side" shm follower "$k"
  done
done
stop_all

# --- 3. crash takeover -----------------------------------------------------------
# Stock needs the 30 s threshold per takeover, so its trials run at once on
# keys of their own; ours run one after another meanwhile.
echo "bench: crash takeover (stock: $trials at once, ~35 s)" >&2
stock_keys=()
for (( i = 0; i < trials; i++ )); do new_key; stock_keys+=("$key"); done
hold stock shm owner "${stock_keys[@]}"
hold stock shm follower "${stock_keys[@]}"
timer_pids=()
for k in "${stock_keys[@]}"; do
  "$timer" "$k" 9 60000 >"$work/takeover.stock.$k" 2>>"$log" &
  timer_pids+=($!)
done
pids+=("${timer_pids[@]}")
new_key; ours_key=$key
hold ours shm owner "$ours_key"; hold ours shm follower "$ours_key"
for (( i = 0; i < trials; i++ )); do
  out=$("$timer" "$ours_key" 9 10000 2>>"$log") || fail "ours takeover: no new owner within 10 s"
  echo "${out##* }" >>"$work/takeover.ours"
  hold ours shm follower "$ours_key"
done
for p in "${timer_pids[@]}"; do wait "$p" || fail "stock takeover: no new owner within 60 s"; done
for k in "${stock_keys[@]}"; do
  out=$(<"$work/takeover.stock.$k")
  echo "${out##* }" >>"$work/takeover.stock"
done
stop_all

# --- 4-5. tend requests, CPU and memory with N processes ---------------------------
# N processes on one key, the first the owner; after 2 s of settling the
# sampler counts asim's info requests every second. The largest N also gives
# the per-follower memory and idle CPU, and there each side also runs 20 idle
# processes of its program (library or addon loaded, never connected) as the
# baseline: for stock that is mostly Node itself.
max_n=0
for n in $rate_ns; do (( n > max_n )) && max_n=$n; done
for n in $rate_ns; do
  for side in ours stock; do
    echo "bench: tend requests with $n $side processes (${rate_seconds} s)" >&2
    new_key
    hold "$side" shm owner "$key"
    owner=${started[0]}
    followers=-
    if (( n > 1 )); then
      mapfile -t ks < <(repeat "$key" $(( n - 1 )))
      hold "$side" shm follower "${ks[@]}"
      followers=$(IFS=,; echo "${started[*]}")
    fi
    idle=-
    if (( n == max_n )); then
      mapfile -t ks < <(repeat 0 20)
      hold "$side" idle - "${ks[@]}"
      idle=$(IFS=,; echo "${started[*]}")
    fi
    sleep 2
    node "$here/sampler.js" "$port" "$rate_seconds" "$owner" "$followers" "$idle" >"$work/sample.$side.$n" 2>>"$log" ||
      fail "sampler failed for $n $side processes"
    stop_all
  done
done

# --- 6. follower partition lookups -------------------------------------------------
echo "bench: follower partition lookups ($trials x $lookups each)" >&2
new_key
hold ours shm owner "$key"
"$lookup_bench" 127.0.0.1 "$port" "$key" test "$trials" "$lookups" 2>>"$log" |
  sed -n 's/^ns_per_lookup //p' >"$work/lookup.ours"
new_key
hold stock shm owner "$key"
for _ in $(seq 40); do
  "$stock_lookup" "$addon" 127.0.0.1 "$port" "$key" test "$trials" "$lookups" 2>>"$log" |
    sed -n 's/^ns_per_lookup //p' >"$work/lookup.stock"
  [[ -s $work/lookup.stock ]] && break
  echo stock >>"$work/died"
done
stop_all
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the table ------------------------------------------------------------------
# Median, p99 (nearest rank: with 20 samples, the largest) and count of a file of numbers.
stats() {
  if [[ ! -s $1 ]]; then echo "nan nan 0"; return; fi
  sort -g "$1" | awk '{ v[NR] = $1 }
    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          r = int(0.99 * NR); if (r < 0.99 * NR) r++
          print m, v[r], NR }'
}
pick() { sed -n "s/^$1 //p" "$2"; }  # pick FIELD FILE: that field's samples
row() {  # row LABEL UNIT OURS_FILE STOCK_FILE
  read -r om op on < <(stats "$3")
  read -r sm sp sn < <(stats "$4")
  awk -v l="$1" -v u="$2" -v om="$om" -v op="$op" -v on="$on" -v sm="$sm" -v sp="$sp" -v sn="$sn" '
    function f(x) { if (x == "nan") return "n/a"; x += 0
                    if (x >= 100) return sprintf("%.0f", x); if (x >= 10) return sprintf("%.1f", x)
                    if (x >= 1) return sprintf("%.2f", x); return sprintf("%.3f", x) }
    function ratio(x) { if (x >= 100) return sprintf("%.0fx", x); if (x >= 10) return sprintf("%.1fx", x)
                        return sprintf("%.2fx", x) }
    BEGIN { r = (om == "nan" || sm == "nan" || om + 0 == 0) ? "n/a" : ratio(sm / om)
            printf "| %s | %s | %s | %s | %s | %s | %s | %s / %s |\n", l, u, f(om), f(op), f(sm), f(sp), r, on, sn }'
}
for side in ours stock; do
  for n in $rate_ns; do pick rate "$work/sample.$side.$n" >"$work/rate.$side.$n"; done
  pick owner_cpu "$work/sample.$side.$(set -- $rate_ns; echo "$1")" >"$work/tend_cpu.$side"
  pick follower_cpu "$work/sample.$side.$max_n" >"$work/follower_cpu.$side"
  pick follower_rss "$work/sample.$side.$max_n" >"$work/follower_rss.$side"
  pick idle_cpu "$work/sample.$side.$max_n" >"$work/idle_cpu.$side"
  pick idle_rss "$work/sample.$side.$max_n" >"$work/idle_rss.$side"
  # Follower RSS with the median of its own idle baseline taken off each sample.
  read -r idle_rss_median _ < <(stats "$work/idle_rss.$side")
  awk -v b="$idle_rss_median" '{ print $1 - b }' "$work/follower_rss.$side" >"$work/follower_rss_net.$side"
done
died_ours=$(grep -cx ours "$work/died" 2>/dev/null)
died_stock=$(grep -cx stock "$work/died" 2>/dev/null)

report=$work/report.md
{
  echo "# make bench: aeroshim vs stock C client 7.4 (npm aerospike@6.7.1)"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, kernel $(uname -r), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, node $(node --version)"
  echo "- loadavg (1/5/15 min): $load_before at start, $load_after at end (other work on the machine adds noise)"
  echo "- cluster: asim, 3 nodes on 127.0.0.1, namespace test (rf 2); tender_interval 1000 ms and shm_takeover_threshold_sec 30 on both sides"
  echo "- p99 is nearest-rank: with 20 samples it is the largest"
  echo
  echo "| measurement | unit | aeroshim median | aeroshim p99 | stock median | stock p99 | stock / aeroshim (medians) | samples (ours / stock) |"
  echo "|---|---|---|---|---|---|---|---|"
  row "1a connect, no shm" ms "$work/connect_noshm.ours" "$work/connect_noshm.stock"
  row "1b connect, shm owner (fresh segment)" ms "$work/connect_owner.ours" "$work/connect_owner.stock"
  row "1c connect, shm follower (segment ready)" ms "$work/connect_follower.ours" "$work/connect_follower.stock"
  row "2 graceful handoff: owner closes -> a follower owns" ms "$work/handoff.ours" "$work/handoff.stock"
  row "3 crash takeover after kill -9 (threshold 30 s)" ms "$work/takeover.ours" "$work/takeover.stock"
  for n in $rate_ns; do
    row "4 tend requests to the cluster, N = $n processes (1-s windows)" "req/s" "$work/rate.ours.$n" "$work/rate.stock.$n"
  done
  row "5a follower RSS (N = $max_n run)" MiB "$work/follower_rss.ours" "$work/follower_rss.stock"
  row "5b follower RSS minus its idle baseline's median" MiB "$work/follower_rss_net.ours" "$work/follower_rss_net.stock"
  row "5c idle baseline RSS (C program / Node + addon, not connected)" MiB "$work/idle_rss.ours" "$work/idle_rss.stock"
  row "5d follower idle CPU (N = $max_n run, per process)" "ms CPU/s" "$work/follower_cpu.ours" "$work/follower_cpu.stock"
  row "5e idle baseline CPU (C program / Node + addon, not connected)" "ms CPU/s" "$work/idle_cpu.ours" "$work/idle_cpu.stock"
  row "6 follower partition lookup (master, random partitions)" "ns/lookup" "$work/lookup.ours" "$work/lookup.stock"
  row "7 tend CPU per second: owner process, N = 1 (1-s windows)" "ms CPU/s" "$work/tend_cpu.ours" "$work/tend_cpu.stock"
  echo
  echo "Processes that died at connect and were started again: ours $died_ours, stock $died_stock (the stock follower abort, bench/README.md)."
  [[ -s $work/lookup.stock ]] ||
    echo "Stock lookups failed 40 times; last error: $(tail -1 "$log")"
  read -r ours_ns _ < <(stats "$work/lookup.ours")
  read -r stock_ns _ < <(stats "$work/lookup.stock")
  awk -v o="$ours_ns" -v s="$stock_ns" 'BEGIN {
    f = "%.0f M/s"; printf "Lookups per second on one thread (from the medians): aeroshim " f ", stock %s.\n",
      1e3 / o, s == "nan" ? "n/a" : sprintf(f, 1e3 / s) }'
  echo "Stock lookups: the stock addon's own C client (as_partition_shm_get_node), loaded without Node."
  echo "Stock CPU and RSS include Node's own (rows 5c and 5e: an idle Node process with the addon loaded); 5b takes each side's idle baseline off."
  echo
  echo "Reproduce: \`make bench\` (or \`bench/run.sh BUILD_DIR\`; env TRIALS=$trials RATE_SECONDS=$rate_seconds RATE_NS=\"$rate_ns\" LOOKUPS=$lookups)"
} >"$report"
# --- the data path (bench/datapath.sh: its own asim, our asim stopped first) ---------
if [[ ${DATAPATH:-1} != 0 ]]; then
  kill -TERM "$asim_pid" 2>/dev/null
  asim_pid=
  echo "bench: data path rows (bench/datapath.sh)" >&2
  if RESULTS=$work/datapath.md "$here/datapath.sh" "$build" >/dev/null; then
    { echo; cat "$work/datapath.md"; } >>"$report"
  else
    { echo; echo "The data path rows failed (bench/datapath.sh's message is above the table)."; } >>"$report"
  fi
fi
cat "$report"
mkdir -p "$(dirname "$results")"
cp "$report" "$results"
echo "bench: written to $results" >&2
