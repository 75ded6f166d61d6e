#!/usr/bin/env bash
# The data-path rows of make bench (bench/README.md, "Data path"): aeroshim
# against the stock C client 7.4.0 (the C client inside the npm addon, called
# from C), in one run against one 3-node asim. bench/dp_bench.c is compiled
# once and linked twice; the floor is a get written as bytes on a bare socket.
#
# usage: bench/datapath.sh [BUILD_DIR]
# env:   DP_OPS=10000 (commands per single-thread run)  DP_ROUNDS=7 (runs per side, alternating)
#        DP_SECONDS=5 (window of the thread and process rows)  DP_THREADS=8
#        DP_PROCS="16 64" (process counts of the shared-memory rows)
#        DP_SYSCALL_OPS=5000 (commands under strace)  RESULTS=bench/results/datapath.md
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd) || exit 1
ops=${DP_OPS:-10000}
rounds=${DP_ROUNDS:-7}
seconds=${DP_SECONDS:-5}
threads=${DP_THREADS:-8}
procs=${DP_PROCS:-16 64}
syscall_ops=${DP_SYSCALL_OPS:-5000}
results=${RESULTS:-$here/results/datapath.md}
stock_dir=${AEROSHIM_STOCK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aeroshim/stock-6.7.1}

fail() { echo "datapath: $*" >&2; exit 1; }
awk -v s="$seconds" 'BEGIN { exit !(s >= 2) }' || fail "DP_SECONDS must be at least 2"
command -v strace >/dev/null || fail "needs strace (apt-get install strace)"
addon=$stock_dir/node_modules/aerospike/lib/binding/node-v$(node -p process.versions.modules)-linux-x64/aerospike.node
[[ -f $addon ]] || fail "no stock addon $addon (run scripts/stock-client.sh)"
cmake --build "$build" -j 1 --target aerospike asim >/dev/null || fail "cannot build aerospike and asim in $build"

ulimit -c 0
work=$(mktemp -d)
log=$work/stderr.log
asim_pid=
running=()
# 256 SysV keys from our pid (bench/README.md); run.sh, our parent, has its own.
key_base=$(( 0x59000000 + (($$ & 0xffff) << 8) ))
keys_used=0

mine() { grep -qa dp_bench "/proc/$1/cmdline" 2>/dev/null; }
# Running (or still starting: a fork that has not exec'd yet), not ended or a zombie.
alive() { local st; st=$(sed -E 's/.*\) ([A-Z]).*/\1/' "/proc/$1/stat" 2>/dev/null) && [[ -n $st && $st != Z ]]; }
stop_procs() {
  local p
  for p in "${running[@]}"; do mine "$p" && kill -KILL "$p" 2>/dev/null; done
  running=()
}
cleanup() {
  trap - EXIT INT TERM
  stop_procs
  [[ -n $asim_pid ]] && kill -TERM "$asim_pid" 2>/dev/null && wait "$asim_pid" 2>/dev/null
  local k hex
  for hex in $(ipcs -m | awk '$1 ~ /^0x/ { print $1 }'); do
    k=$(( hex ))
    (( k >= key_base && k < key_base + 256 )) && ipcrm -M "$k" 2>/dev/null
  done
  for (( k = key_base; k < key_base + 256; k++ )); do
    printf -v hex '%08X' "$k"
    rm -f "/dev/shm/aeroshim-$hex.owner"
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "datapath: interrupted, cleaning up" >&2; exit 130' INT TERM

cc -O2 -Wall -I"$root/include" -c "$here/dp_bench.c" -o "$work/dp_bench.o" || fail "cannot compile dp_bench.c"
cc "$work/dp_bench.o" -L"$build" -laerospike -lpthread -Wl,-rpath,"$build" -o "$work/ours" ||
  fail "cannot link dp_bench against libaerospike"
cc "$work/dp_bench.o" -Wl,--no-as-needed "$addon" -lssl -lcrypto -lpthread -Wl,--allow-shlib-undefined \
  -Wl,-rpath,"$(dirname "$addon")" -rdynamic -o "$work/stock" || fail "cannot link dp_bench against the addon"
# Both binaries have "dp_bench" in their path, which is what mine() looks for.
mkdir "$work/dp_bench" && mv "$work/ours" "$work/stock" "$work/dp_bench/"
bin=$work/dp_bench

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$build/tools/asim/asim" --nodes 3 --port 0 --namespace test:2 --duration 900 >"$work/asim.out" 2>>"$log" &
asim_pid=$!
for _ in $(seq 200); do
  grep -q '^asim ready' "$work/asim.out" && break
  kill -0 "$asim_pid" 2>/dev/null || fail "asim exited"
  sleep 0.05
done
mapfile -t ports < <(sed -nE 's/^asim ready //p' "$work/asim.out" | tr ',' '\n' | sed 's/.*://')
(( ${#ports[@]} == 3 )) || fail "asim did not report three ports"
port=${ports[0]}
echo "datapath: asim ready on 127.0.0.1:${ports[*]}" >&2

# asim's CPU so far (ns, all its threads) and its counts (info frames, data commands).
asim_cpu() { cat /proc/"$asim_pid"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%.0f\n", s }'; }
# asim's CPU so far per thread ("tid ns" lines); busiest T0 T1: the most one thread ran in between (ns).
asim_threads() { local t; for t in /proc/"$asim_pid"/task/*; do echo "${t##*/} $(cut -d' ' -f1 "$t/schedstat" 2>/dev/null)"; done; }
busiest() { awk 'FNR == NR { b[$1] = $2; next } { d = $2 - b[$1]; if (d > m) m = d } END { printf "%.0f\n", m }' "$1" "$2"; }
# The whole machine's CPU time so far, busy and in all (jiffies, every core).
machine_cpu() { awk '/^cpu / { t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t }' /proc/stat; }
asim_counts() { "$bin/ours" stats 127.0.0.1 "$port" 2>>"$log" || fail "asim-stats failed"; }
now_ns() { date +%s%N; }
# Connections asim's listeners have accepted and still hold (server side: local port is a node's).
connections() {
  local hexports
  hexports=$(printf '%04X ' "${ports[@]}")
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v ps="$hexports" '
    BEGIN { n = split(ps, a, " "); for (i = 1; i <= n; i++) want[a[i]] = 1 }
    $4 == "01" { split($2, la, ":"); if (la[2] in want) c++ }
    END { print c + 0 }'
}

# measure FILE CMD...: runs a client, appends its output line plus asim's CPU
# and data commands over the run to FILE.
measure() {
  local file=$1 out c0 c1 t0 t1 d0 d1 b0 b1 m0 m1
  shift
  read -r _ _ _ d0 < <(asim_counts)
  asim_threads >"$work/threads0"; read -r b0 m0 < <(machine_cpu)
  c0=$(asim_cpu); t0=$(now_ns)
  out=$("$@" 2>>"$log") || fail "$* failed: $(tail -2 "$log")"
  t1=$(now_ns); c1=$(asim_cpu)
  asim_threads >"$work/threads1"; read -r b1 m1 < <(machine_cpu)
  read -r _ _ _ d1 < <(asim_counts)
  echo "$out asim_ns $(( c1 - c0 )) asim_max_ns $(busiest "$work/threads0" "$work/threads1") busy_j $(( b1 - b0 )) all_j $(( m1 - m0 )) wall_ns $(( t1 - t0 )) requests $(( d1 - d0 ))" >>"$file"
}

# --- single thread: floor, get, put, operate -----------------------------------
partition=$("$bin/ours" partition)
master=$(node "$here/dp_probe.js" master "$port" "$partition" 2>>"$log") || fail "cannot find the key's master"
echo "datapath: single thread, $rounds x $ops commands per side and command (key in partition $partition, master port $master)" >&2
for (( r = 0; r < rounds; r++ )); do
  # get first: its connect-time put writes the record the floor reads.
  for op in get put operate; do
    for side in ours stock; do
      measure "$work/lat.$op.$side" "$bin/$side" lat 127.0.0.1 "$port" "$op" "$ops"
    done
    [[ $op == get ]] && measure "$work/lat.floor.none" "$bin/ours" lat 127.0.0.1 "$master" floor "$ops"
  done
done

# --- N threads in one process ---------------------------------------------------
echo "datapath: $threads threads, get, ${seconds} s per side" >&2
for side in ours stock; do
  measure "$work/threads.$side" "$bin/$side" threads 127.0.0.1 "$port" get "$threads" "$seconds"
done

# --- N single-threaded processes on one shared-memory key ------------------------
# The first process becomes the owner; the others follow. A stock follower
# often aborts at connect (the stock 7.4 bug in bench/README.md); one that dies
# before "ready" is counted and started again. All start together on SIGUSR1.
start_proc() {  # start_proc SIDE KEY INDEX
  "$bin/$1" proc 127.0.0.1 "$port" get "$2" "$seconds" "$3" >"$work/proc.out.$3" 2>>"$log" &
  slot[$3]=$!
  # No job notice when a stock one aborts; the output file tells how it ended.
  disown "$!"
}
await_ready() {  # await_ready SIDE KEY FIRST LAST
  local i waiting tries=0 deadline=$(( SECONDS + 120 ))
  while :; do
    waiting=0
    for (( i = $3; i <= $4; i++ )); do
      grep -q '^ready' "$work/proc.out.$i" 2>/dev/null && continue
      waiting=1
      if ! alive "${slot[i]}"; then
        echo "$1" >>"$work/died"
        (( i == 0 )) && ipcrm -M "$2" 2>/dev/null
        (( ++tries <= 20 * ($4 - $3 + 1) )) || fail "$1 processes keep dying at connect: $(tail -2 "$log")"
        start_proc "$1" "$2" "$i"
      fi
    done
    (( waiting )) || return 0
    (( SECONDS < deadline )) || fail "$1 processes did not connect within 120 s"
    sleep 0.02
  done
}
for n in $procs; do
  for side in ours stock; do
    echo "datapath: $n $side processes with use_shm, get, ${seconds} s" >&2
    key=$(( key_base + keys_used++ ))
    slot=()
    start_proc "$side" "$key" 0
    await_ready "$side" "$key" 0 0
    for (( i = 1; i < n; i++ )); do start_proc "$side" "$key" "$i"; done
    await_ready "$side" "$key" 1 $(( n - 1 ))
    running=("${slot[@]}")
    sleep 1
    read -r _ i0 _ d0 < <(asim_counts)
    asim_threads >"$work/threads0"; read -r b0 m0 < <(machine_cpu)
    c0=$(asim_cpu); t0=$(now_ns)
    kill -USR1 "${slot[@]}"
    sleep "$(awk -v s="$seconds" 'BEGIN { print s / 2 }')"
    conns=$(connections)
    # Tend requests are counted until half a second before the end: as our
    # processes leave, each owner's exit hands the segment to a follower at
    # once, and every new owner re-reads the cluster, which is not steady tending.
    sleep "$(awk -v s="$seconds" 'BEGIN { print s / 2 - 0.5 }')"
    read -r _ i1 _ _ < <(asim_counts)
    ti=$(now_ns)
    for p in "${slot[@]}"; do while alive "$p"; do sleep 0.02; done; done
    t1=$(now_ns); c1=$(asim_cpu)
    asim_threads >"$work/threads1"; read -r b1 m1 < <(machine_cpu)
    read -r _ _ _ d1 < <(asim_counts)
    running=()
    cat "$work"/proc.out.* | grep '^ops' >"$work/procs.$n.$side.each"
    (( $(wc -l <"$work/procs.$n.$side.each") == n )) || fail "a $side process failed in the window: $(tail -2 "$log")"
    rm -f "$work"/proc.out.*
    awk -v conns="$conns" -v info=$(( i1 - i0 )) -v wi=$(( ti - t0 )) -v data=$(( d1 - d0 )) -v a=$(( c1 - c0 )) -v w=$(( t1 - t0 )) \
      -v am="$(busiest "$work/threads0" "$work/threads1")" -v bj=$(( b1 - b0 )) -v mj=$(( m1 - m0 )) '
      { for (i = 1; i < NF; i += 2) f[$i] = $(i + 1); rate += f["ops"] / f["seconds"]; p50[NR] = f["p50_us"]
        p99[NR] = f["p99_us"]; rss[NR] = f["rss_kib"] / 1024 }
      function med(v, n,   i, j, t) { for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
                                    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
      END { printf "ops_per_s %.0f p50_us %.2f p99_us %.2f rss_mib %.2f connections %d tend_per_s %.2f asim_ns %d asim_max_ns %d busy_j %d all_j %d wall_ns %d requests %d\n",
              rate, med(p50, NR), med(p99, NR), med(rss, NR), conns, info * 1e9 / wi, a, am, bj, mj, w, data }' \
      "$work/procs.$n.$side.each" >"$work/procs.$n.$side"
  done
done

# --- system calls and heap allocations per command ---------------------------------
# strace -c of the main thread (where lat runs its commands; the tend thread is
# not traced): a run of DP_SYSCALL_OPS commands minus a run of none; for
# remove, whose every command follows a put of the record, minus a run of as
# many puts.
echo "datapath: system calls and allocations per command ($syscall_ops under strace)" >&2
syscalls() {  # syscalls BIN PORT OP -> "N (name a, name b, ...)"
  if [[ $3 == remove ]]; then
    strace -c -o "$work/s0" "$1" lat 127.0.0.1 "$2" put "$syscall_ops" >/dev/null 2>>"$log"
  else
    strace -c -o "$work/s0" "$1" lat 127.0.0.1 "$2" "$3" 0 >/dev/null 2>>"$log"
  fi
  strace -c -o "$work/s1" "$1" lat 127.0.0.1 "$2" "$3" "$syscall_ops" >"$work/s1.out" 2>>"$log"
  awk -v ops="$syscall_ops" '
    FNR == NR { if ($1 ~ /^[0-9]/ && $NF != "total") base[$NF] = $4; next }
    $1 ~ /^[0-9]/ && $NF != "total" { d = $4 - base[$NF]; if (d > 0) { per = d / ops; total += per;
        if (per >= 0.01) list = list sprintf("%s%s %.2f", list ? ", " : "", $NF, per) } }
    END { printf "%.2f (%s)", total, list }' "$work/s0" "$work/s1"
}
for op in floor get put operate exists remove; do
  for side in ours stock; do
    [[ $op == floor && $side == stock ]] && continue
    p=$port; [[ $op == floor ]] && p=$master
    calls=$(syscalls "$bin/$side" "$p" "$op")
    allocs=$(sed -nE 's/.*allocs_per_op ([0-9.]+).*/\1/p' "$work/s1.out")
    [[ $op == floor ]] && side=none
    echo "$calls|$allocs" >"$work/sys.$op.$side"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the tables --------------------------------------------------------------------
# summary FILE: the median over runs of each field, plus asim's CPU per request
# (us), its share of one core over the runs' wall time (%: all its threads,
# and its busiest thread alone) and how busy the machine's cores were (%).
summary() {
  awk '{ for (i = 1; i < NF; i += 2) { v[$i, NR] = $(i + 1); names[$i] = 1 } }
    function med(k,   i, j, t, a) { for (i = 1; i <= NR; i++) a[i] = v[k, i]
      for (i = 2; i <= NR; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }
    END { for (k in names) printf "%s %s ", k, med(k)
          for (i = 1; i <= NR; i++) { an += v["asim_ns", i]; am += v["asim_max_ns", i]; wn += v["wall_ns", i]
                                      rq += v["requests", i]; bj += v["busy_j", i]; mj += v["all_j", i] }
          printf "asim_us_per_req %.2f asim_core_pct %.0f asim_thread_pct %.0f machine_pct %.0f\n", rq ? an / rq / 1e3 : 0,
            wn ? 100 * an / wn : 0, wn ? 100 * am / wn : 0, mj ? 100 * bj / mj : 0 }' "$1"
}
get() { sed -nE "s/.*(^| )$2 ([^ ]+).*/\\2/p" <<<"$1"; }
# Which side bounds a row (SUMMARY): asim when one of its node threads used at
# least 90% of a core; else every core when the machine was at least 90% busy
# (asim, clients and other work share them); else the clients and loopback.
limit() {
  awk -v t="$(get "$1" asim_thread_pct)" -v m="$(get "$1" machine_pct)" \
    'BEGIN { print (t >= 90 ? "asim" : m >= 90 ? "cores (machine busy)" : "client + loopback") }'
}
# asim's cells: CPU per request, % of a core (all threads / busiest), machine busy %, limit.
asim_cells() { echo "$(fmt "$(get "$1" asim_us_per_req)") | $(get "$1" asim_core_pct) / $(get "$1" asim_thread_pct) | $(get "$1" machine_pct) | $(limit "$1")"; }
fmt() { awk -v x="$1" 'BEGIN { if (x == "") print "n/a"; else if (x >= 1000) printf "%.0f", x; else if (x >= 100) printf "%.1f", x; else printf "%.2f", x }'; }

floor=$(summary "$work/lat.floor.none")
floor_p50=$(get "$floor" p50_us)
report=$work/report.md
{
  echo "## Data path: aeroshim vs the stock C client 7.4.0 (from C, no Node)"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores"
  echo "- loadavg (1/5/15 min): $load_before at start, $load_after at end"
  echo "- one asim, 3 nodes, namespace test (rf 2); default policies, no shared memory unless said; one 2-bin record per key"
  echo "- single thread: median of $rounds runs of $ops commands per side, ours and stock alternating; latencies are per command, nearest rank"
  echo "- asim CPU: its threads' run time over the rows' runs divided by the data commands it served; % is of one core over the runs' wall time, all its threads / its busiest (one per node); machine busy: all cores, all processes"
  echo
  echo "| row | side | ops/s | p50 µs | p99 µs | p99.9 µs | p50 above floor µs | asim CPU µs/request | asim % of a core (all / busiest thread) | machine busy % | limit |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  echo "| floor: pre-encoded get, bare socket | none | $(fmt "$(get "$floor" ops_per_s)") | $(fmt "$floor_p50") | $(fmt "$(get "$floor" p99_us)") | $(fmt "$(get "$floor" p999_us)") | 0 | $(asim_cells "$floor") |"
  for op in get put operate; do
    for side in ours stock; do
      s=$(summary "$work/lat.$op.$side")
      above=$(awk -v a="$(get "$s" p50_us)" -v f="$floor_p50" 'BEGIN { print a - f }')
      echo "$op $side $above $(get "$s" p99_us)" >>"$work/goals.lat"
      echo "| 1 thread $op | $side | $(fmt "$(get "$s" ops_per_s)") | $(fmt "$(get "$s" p50_us)") | $(fmt "$(get "$s" p99_us)") | $(fmt "$(get "$s" p999_us)") | $(fmt "$above") | $(asim_cells "$s") |"
    done
  done
  for side in ours stock; do
    s=$(summary "$work/threads.$side")
    echo "| $threads threads, one process, get (aggregate, ${seconds} s) | $side | $(fmt "$(get "$s" ops_per_s)") | $(fmt "$(get "$s" p50_us)") | $(fmt "$(get "$s" p99_us)") | $(fmt "$(get "$s" p999_us)") | | $(asim_cells "$s") |"
  done
  echo
  echo "| processes (use_shm, one key each, get, ${seconds} s) | side | aggregate ops/s | p50 µs (median process) | p99 µs (median process) | connections asim holds | tend requests/s | RSS per process MiB (median) | asim CPU µs/request | asim % of a core (all / busiest thread) | machine busy % | limit |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for n in $procs; do
    for side in ours stock; do
      s=$(summary "$work/procs.$n.$side")
      echo "| $n | $side | $(fmt "$(get "$s" ops_per_s)") | $(fmt "$(get "$s" p50_us)") | $(fmt "$(get "$s" p99_us)") | $(get "$s" connections) | $(fmt "$(get "$s" tend_per_s)") | $(fmt "$(get "$s" rss_mib)") | $(asim_cells "$s") |"
    done
  done
  echo
  echo "| command | side | system calls per command (main thread) | heap allocations per command |"
  echo "|---|---|---|---|"
  for op in floor get put operate exists remove; do
    for side in none ours stock; do
      [[ -f $work/sys.$op.$side ]] || continue
      IFS='|' read -r calls allocs <"$work/sys.$op.$side"
      echo "| $op | $side | $calls | $allocs |"
    done
  done
  echo
  died=$(grep -c . "$work/died" 2>/dev/null)
  echo "Stock processes that died at connect (the stock follower abort) and were started again: ${died:-0}."
  echo
  echo "Goals (reported, not asserted):"
  awk '{ above[$1, $2] = $3; p99[$1, $2] = $4; ops[$1] = 1 }
    END { for (op in ops) {
            r = above[op, "stock"] > 0 ? above[op, "ours"] / above[op, "stock"] : 0
            printf "- %s: latency above the floor ours %.2f µs, stock %.2f µs, ratio %.2f (goal <= 0.33: %s); p99 ours %.2f <= stock %.2f: %s\n",
              op, above[op, "ours"], above[op, "stock"], r, (r <= 1 / 3 ? "met" : "not met"), p99[op, "ours"], p99[op, "stock"],
              (p99[op, "ours"] <= p99[op, "stock"] ? "met" : "not met") } }' "$work/goals.lat" | sort
  for op in get put operate exists remove; do
    IFS='|' read -r calls allocs <"$work/sys.$op.ours"
    total=${calls%% *}
    line="- $op: $total system calls per command (goal <= 3: $(awk -v t="$total" 'BEGIN { print (t <= 3.01 ? "met" : "not met") }'))"
    case $op in put | exists | remove)
      line+=", $allocs allocations (goal 0: $(awk -v a="$allocs" 'BEGIN { print (a == 0 ? "met" : "not met") }'))" ;;
    esac
    echo "$line"
  done
  n_max=0; for n in $procs; do (( n > n_max )) && n_max=$n; done
  o=$(summary "$work/procs.$n_max.ours"); s=$(summary "$work/procs.$n_max.stock")
  awk -v n="$n_max" -v o="$(get "$o" ops_per_s)" -v s="$(get "$s" ops_per_s)" -v oc="$(get "$o" connections)" -v sc="$(get "$s" connections)" '
    BEGIN { r = s > 0 ? o / s : 0
            printf "- %d shm processes: aggregate ours / stock %.2f (goal >= 1.3: %s); connections ours %d, stock %d (goal ours <= stock: %s)\n",
              n, r, (r >= 1.3 ? "met" : "not met"), oc, sc, (oc <= sc ? "met" : "not met") }'
  echo
  echo "Reproduce: \`bench/datapath.sh BUILD_DIR\` (env DP_OPS=$ops DP_ROUNDS=$rounds DP_SECONDS=$seconds DP_THREADS=$threads DP_PROCS=\"$procs\" DP_SYSCALL_OPS=$syscall_ops); \`make bench\` runs it after the tend rows."
} >"$report"
cat "$report"
mkdir -p "$(dirname "$results")"
cp "$report" "$results"
echo "datapath: written to $results" >&2
