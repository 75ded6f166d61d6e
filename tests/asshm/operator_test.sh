#!/usr/bin/env bash
# asshm as an operator meets it, on hand-written segments (crafted_segment)
# and lock files, every key derived from this shell's pid:
# - the command line: --help on stdout with exit 0; usage errors on stderr
#   only, exit 64, naming what is wrong; with --json an error object too;
# - keys: malformed or out-of-range keys are refused (never read as some
#   other key), and each accepted spelling names the key it should;
# - a foreign 4096-byte segment: status and list call it foreign, rm refuses
#   it without --force and removes it with;
# - an orphaned segment (creator dead, nobody attached) and its orphaned lock
#   file: ORPHANED, listed, and rm removes both;
# - a stale segment (owner alive, stamp 30 s old): STALE, unless the tend
#   interval given makes 30 s recent; rm refuses it while attached;
# - a segment whose owner pid is dead while a process stays attached: OWNER
#   GONE;
# - lock files without a segment: listed as orphaned and removed by rm when
#   nobody holds them, left alone while a process holds one.
# Nothing is left behind: every segment and lock file is checked gone.
set -euo pipefail
: "${ASSHM:?}" "${CRAFTED_SEGMENT:?}"
low=$(( $$ & 0xFFFFFF ))
foreign_key=$(printf '0x61%06X' "$low")
orphan_key=$(printf '0x62%06X' "$low")
stale_key=$(printf '0x63%06X' "$low")
gone_key=$(printf '0x64%06X' "$low")
lonely_key=$(printf '0x65%06X' "$low")   # a lock file and no segment
held_key=$(printf '0x66%06X' "$low")     # a held lock file and no segment
absent_key=$(printf '0x67%06X' "$low")   # nothing at all
keys=("$foreign_key" "$orphan_key" "$stale_key" "$gone_key" "$lonely_key" "$held_key" "$absent_key")
lock_file() { echo "/dev/shm/aeroshim-${1#0x}.owner"; }
work=$(mktemp -d)
pids=()

cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for k in "${keys[@]}"; do
    ipcrm -M "$k" 2>/dev/null || true
    rm -f "$(lock_file "$k")"
  done
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
checks=0
pass() { checks=$(( checks + 1 )); }

# Polls a command (as a string) every 20 ms for up to $1 seconds.
await() {
  local limit=$1; shift
  local end=$(( $(date +%s%N) + limit * 1000000000 ))
  until eval "$@"; do
    [ "$(date +%s%N)" -lt "$end" ] || return 1
    sleep 0.02
  done
}

# Runs asshm with the remaining arguments; $out, $err and $rc hold the result.
run() {
  rc=0
  "$ASSHM" "$@" >"$work/out" 2>"$work/err" || rc=$?
  out=$(cat "$work/out"); err=$(cat "$work/err")
}

# Exit code $1 from asshm ${@:2}, else a failure quoting both streams.
expect_rc() {
  local want=$1; shift
  run "$@"
  [ "$rc" -eq "$want" ] || fail "asshm $* exits $rc, not $want; stdout: ${out:0:400}; stderr: $err"
  pass
}

# The Python expression $1 must hold for d, the JSON document asshm just
# printed on stdout. Checked all at once by verify_json (one Python start
# instead of one per check).
json_checks=0
json_holds() {
  json_checks=$(( json_checks + 1 ))
  cp "$work/out" "$work/json.$json_checks"
  printf '%s\0%s\0' "$last" "$1" >>"$work/json.checks"
}
verify_json() {
  python3 - "$work" <<'EOF' || fail "JSON checks failed"
import json, sys
work = sys.argv[1]
fields = open(f"{work}/json.checks").read().split("\0")[:-1]
failed = 0
for n, (what, expression) in enumerate(zip(fields[0::2], fields[1::2]), start=1):
    text = open(f"{work}/json.{n}").read()
    try:
        d = json.loads(text)
        ok = eval(expression)
    except Exception as e:
        ok = False
        text += f" ({e!r})"
    if not ok:
        failed += 1
        print(f"FAIL: asshm {what}: {expression} does not hold: {text[:1500]}", file=sys.stderr)
sys.exit(1 if failed else 0)
EOF
  checks=$(( checks + json_checks ))
}

segment_exists() { ipcs -m | grep -qi "^$1 "; }

# Starts crafted_segment in mode $1 for key $2, held (until its stdin closes)
# when $3 is "held"; waits for it to have written the segment.
crafted() {
  local mode=$1 key=$2 how=${3:-}
  if [ "$how" = held ]; then
    mkfifo "$work/hold.$mode"
    "$CRAFTED_SEGMENT" "$mode" "$key" <"$work/hold.$mode" >"$work/$mode.out" 2>&1 &
    pids+=($!)
    local hold="hold_${mode//-/_}"   # the writer's stdin, closed to release it
    eval "exec {$hold}>\"\$work/hold.\$mode\""
  else
    "$CRAFTED_SEGMENT" "$mode" "$key" >"$work/$mode.out" 2>&1 || fail "crafted_segment $mode: $(cat "$work/$mode.out")"
  fi
  await 10 'grep -q "^ready" "$work/$mode.out"' || fail "crafted_segment $mode: $(cat "$work/$mode.out")"
}

# --- the command line ---------------------------------------------------------
for help in --help -h help "status --help" "rm --key banana --help"; do
  last="$help"
  # shellcheck disable=SC2086
  expect_rc 0 $help
  grep -q "^usage: asshm status" <<<"$out" || fail "asshm $help: no usage on stdout: $out"
  [ -z "$err" ] || fail "asshm $help wrote to stderr: $err"
done
usage_cases=(
  ""                                  "no command given"
  "frobnicate"                        "unknown command 'frobnicate'"
  "status --bogus"                    "unknown argument '--bogus' for status"
  "status --force"                    "status does not take --force"
  "list --key 0x1"                    "list does not take --key"
  "status --ns test"                  "status does not take --ns"
  "status --key"                      "--key needs a value"
  "rm"                                "rm needs --key"
  "rm --force"                        "rm needs --key"
  "partitions --key 0x1"              "partitions needs --ns"
  "status --json=1"                   "--json takes no value"
  "status --tend-interval 0"          "--tend-interval '0' is not a tend interval"
  "list --tend-interval 1s"           "--tend-interval '1s' is not a tend interval"
)
for (( i = 0; i < ${#usage_cases[@]}; i += 2 )); do
  args=${usage_cases[i]} want=${usage_cases[i + 1]}
  # shellcheck disable=SC2086
  expect_rc 64 $args
  [ -z "$out" ] || fail "asshm $args: a usage error wrote to stdout: $out"
  grep -qF -- "$want" <<<"$err" || fail "asshm $args: stderr does not say '$want': $err"
done

# --- keys -----------------------------------------------------------------------
bad_keys=(banana 0x1FFFFFFFF 0x100000000 4294967296 -2147483649 0 -0 0x00000000 0x "" 12x ABC
  A500000 A50000000 0x12345678Z " 1" "1 " 1e3 +5 0o7 0xA5_000000 ０x1 "0x 1")
for k in "${bad_keys[@]}"; do
  for command in status rm; do
    last="$command --key '$k'"
    expect_rc 64 "$command" --key "$k"
    [ -z "$out" ] || fail "$last wrote to stdout: $out"
    grep -qF -- "--key '$k'" <<<"$err" || fail "$last: the error does not name the value: $err"
    expect_rc 64 "$command" --key "$k" --json
    json_holds "d['error']['code'] == 64 and d['error']['kind'] == 'usage' and \"'$k'\" in d['error']['message']"
  done
done
grep -q "out of range" < <("$ASSHM" status --key 0x1FFFFFFFF 2>&1) || fail "0x1FFFFFFFF: not called out of range"
# Each accepted spelling names its key: in the verdict when a segment has
# it, in the error when none does (no such segment is created or removed).
spellings=(
  "${absent_key#0x}" "$absent_key"                                 # 8 bare hex digits
  "$(tr 'A-F' 'a-f' <<<"${absent_key#0x}")" "$absent_key"          # lower case too
  "0X${absent_key#0x}" "$absent_key"
  "$(( absent_key ))" "$absent_key"                                # decimal
  "0x$(printf '%x' $(( absent_key )))" "$absent_key"
  "012" 0x0000000C                                                 # decimal, not octal
  "12345678" 0x12345678                                            # 8 digits: hex
  "123456789" 0x075BCD15                                           # 9 digits: decimal
  "-1" 0xFFFFFFFF                                                  # /proc/sysvipc/shm form
  "-2147483648" 0x80000000
  "4294967295" 0xFFFFFFFF
  "0x00000000A5000001" 0xA5000001                                  # leading zeros
)
for (( i = 0; i < ${#spellings[@]}; i += 2 )); do
  k=${spellings[i]} want=${spellings[i + 1]}
  last="status --key $k --json"
  run status --key "$k" --json
  [ "$rc" -ne 64 ] || fail "$last: a valid spelling refused: $err"
  json_holds "d.get('key') == '$want' or d.get('error', {}).get('message') == 'no segment with key $want'"
  pass
done

# --- a foreign segment ----------------------------------------------------------
crafted foreign "$foreign_key"
segment_exists "$foreign_key" || fail "the foreign segment was not made"
last="status --key $foreign_key"
expect_rc 1 status --key "$foreign_key"
grep -q "is 4096 bytes, not an aerospike cluster segment size" <<<"$err" || fail "$last: $err"
expect_rc 1 status --key "$foreign_key" --json
json_holds "d['error']['kind'] == 'foreign' and d['error']['code'] == 1"
expect_rc 0 list
grep -Eqi "^$foreign_key +4096 bytes  foreign  0 attached  \(.*created by pid [0-9]+\)" <<<"$out" || fail "list: foreign segment: $out"
last="list --json"
expect_rc 0 list --json
json_holds "[s['kind'] for s in d['segments'] if s['key'] == '$foreign_key'] == ['foreign']"
last="rm --key $foreign_key"
expect_rc 1 rm --key "$foreign_key"
grep -q "not an aerospike cluster segment size.*not removed (--force removes it anyway)" <<<"$err" ||
  fail "$last: refusal does not say why: $err"
segment_exists "$foreign_key" || fail "rm removed a foreign segment without --force"
expect_rc 1 rm --key "$foreign_key" --json
json_holds "d['error']['kind'] == 'refused' and d['error']['code'] == 1"
segment_exists "$foreign_key" || fail "rm --json removed a foreign segment without --force"
expect_rc 0 rm --key "$foreign_key" --force --json
json_holds "d['removed']['key'] == '$foreign_key' and d['removed']['segment'] and d['removed']['size'] == 4096"
! segment_exists "$foreign_key" || fail "rm --force left the foreign segment"

# --- an orphaned segment and its lock file --------------------------------------
crafted orphaned "$orphan_key"
orphan_pid=$(awk '/^ready/ { print $2 }' "$work/orphaned.out")   # dead now
orphan_lock=$(lock_file "$orphan_key")
[ -e "$orphan_lock" ] || fail "the orphaned client left no lock file"
last="status --key $orphan_key"
expect_rc 2 status --key "$orphan_key"
grep -q "^health *ORPHANED: no process is attached and the owner (pid $orphan_pid) is gone" <<<"$out" ||
  fail "$last: $out"
expect_rc 2 status --key "$orphan_key" --json
json_holds "d['state'] == 'ORPHANED' and d['attached'] == 0 and not d['owner_alive'] and not d['lock_file_held'] and d['lock']"
last="list"
expect_rc 0 list
grep -qi "^$orphan_key .* 0 attached  owner pid $orphan_pid (not running)  ORPHANED: " <<<"$out" ||
  fail "list: orphaned segment: $out"
grep -qF "orphaned lock file $orphan_lock (key $orphan_key): nobody holds it and its last holder, pid $orphan_pid, is gone" <<<"$out" ||
  fail "list: orphaned lock file: $out"
expect_rc 0 list --json
json_holds "[(s['state'], s['owner_alive']) for s in d['segments'] if s['key'] == '$orphan_key'] == [('ORPHANED', False)]"
json_holds "[f['segment'] for f in d['orphaned_lock_files'] if f['key'] == '$orphan_key'] == [True]"
last="rm --key $orphan_key"
expect_rc 0 rm --key "$orphan_key"
grep -qF "removed $orphan_key (531448 bytes) and its lock file $orphan_lock" <<<"$out" || fail "$last: $out"
! segment_exists "$orphan_key" || fail "rm left the orphaned segment"
[ ! -e "$orphan_lock" ] || fail "rm left the orphaned lock file"

# --- a stale segment: owner alive, stamp 30 s old -------------------------------
crafted stale "$stale_key" held
last="status --key $stale_key"
expect_rc 2 status --key "$stale_key"
grep -q "^health *STALE: owner pid [0-9]* is alive but has not tended for [0-9]* ms, more than two tend intervals (2000 ms" <<<"$out" ||
  fail "$last: $out"
expect_rc 2 status --key "$stale_key" --json
json_holds "d['state'] == 'STALE' and d['owner_alive'] and d['attached'] == 1 and d['tend_age_ms'] >= 30000"
# Clients tending every 20 s are two intervals away from stale at 40 s.
expect_rc 0 status --key "$stale_key" --tend-interval 20000 --json
json_holds "d['state'] == 'OK' and d['healthy']"
expect_rc 0 list
grep -qi "^$stale_key .* 1 attached  owner pid [0-9]* (alive)  STALE: " <<<"$out" || fail "list: stale: $out"
expect_rc 0 list --tend-interval 20000
grep -qi "^$stale_key .* 1 attached  owner pid [0-9]* (alive)  OK: " <<<"$out" ||
  fail "list --tend-interval: stale: $out"
expect_rc 1 rm --key "$stale_key"
grep -q "1 process(es) are attached to $stale_key" <<<"$err" || fail "rm of an attached segment: $err"
segment_exists "$stale_key" || fail "rm removed an attached segment without --force"

# --- the owner pid is dead, a process stays attached ----------------------------
crafted owner-gone "$gone_key" held
last="status --key $gone_key"
expect_rc 2 status --key "$gone_key"
grep -q "^health *OWNER GONE: pid [0-9]* is not running; an attached client takes over soon" <<<"$out" ||
  fail "$last: $out"
expect_rc 2 status --key "$gone_key" --json
json_holds "d['state'] == 'OWNER GONE' and not d['owner_alive'] and d['attached'] == 1"

# The held segments go when their writers see end of file.
exec {hold_stale}>&- {hold_owner_gone}>&-
for p in "${pids[@]}"; do wait "$p" || fail "a crafted_segment writer failed"; done
pids=()
! segment_exists "$stale_key" || fail "the stale segment was left behind"
! segment_exists "$gone_key" || fail "the owner-gone segment was left behind"

# --- lock files without a segment -----------------------------------------------
lonely_lock=$(lock_file "$lonely_key")
( exit 0 ) & dead=$!
wait "$dead"
printf '%-11s\n' "$dead" >"$lonely_lock"
held_lock=$(lock_file "$held_key")
mkfifo "$work/hold.lock"
python3 -c '
import fcntl, sys
f = open(sys.argv[1], "a+")
fcntl.lockf(f, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.read()
' "$held_lock" <"$work/hold.lock" >"$work/lock.out" &
pids+=($!)
exec {hold_lock}>"$work/hold.lock"
await 10 'grep -q "^held" "$work/lock.out"' || fail "the lock file was not taken"
last="list"
expect_rc 0 list
grep -qF "orphaned lock file $lonely_lock (key $lonely_key): no segment has its key" <<<"$out" ||
  fail "list: lock file without a segment: $out"
if grep -qF "$held_lock" <<<"$out"; then fail "list calls a held lock file orphaned: $out"; fi
expect_rc 0 list --json
json_holds "[(f['recorded_pid'], f['segment']) for f in d['orphaned_lock_files'] if f['key'] == '$lonely_key'] == [($dead, False)]"
json_holds "'$held_key' not in [f['key'] for f in d['orphaned_lock_files']]"
last="rm --key $held_key"
expect_rc 1 rm --key "$held_key"
grep -q "no segment with key $held_key, but its lock file $held_lock is held by a running process" <<<"$err" ||
  fail "$last: $err"
[ -e "$held_lock" ] || fail "rm removed a held lock file"
last="rm --key $lonely_key"
expect_rc 0 rm --key "$lonely_key"
grep -qF "removed the lock file $lonely_lock of $lonely_key (no segment has the key)" <<<"$out" ||
  fail "$last: $out"
[ ! -e "$lonely_lock" ] || fail "rm left the orphaned lock file"
expect_rc 1 rm --key "$lonely_key" --json
json_holds "d['error']['kind'] == 'no_segment' and d['error']['code'] == 1"
# Released, the held file is an orphan too.
exec {hold_lock}>&-
wait "${pids[-1]}"
pids=()
expect_rc 0 rm --key "$held_key" --json
json_holds "d['removed'] == {'key': '$held_key', 'segment': False, 'size': 0, 'lock_file': '$held_lock'}"

for k in "${keys[@]}"; do
  ! segment_exists "$k" || fail "segment $k left behind"
  [ ! -e "$(lock_file "$k")" ] || fail "lock file of $k left behind"
done
verify_json
echo "operator_test: $checks checks passed"
