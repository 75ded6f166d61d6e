#!/usr/bin/env bash
# asshm against a live segment: a 3-node asim (an AP and an SC namespace), one
# owner and one follower on a pid-derived key. `status --json` must report
# what the cluster is (nodes, addresses, namespaces, factors, SC, masters per
# node summing to 4096, a live owner with a fresh tend, a healthy verdict);
# the text form names the same owner; `list` finds the segment; `rm` refuses
# while processes are attached. When the owner is gone, the verdict says so
# and `rm` then removes the segment. `partitions` must name, for every
# partition and replica index, the node asim says owns it (before and after a
# rebalance), which totals alone cannot show. The segment is also found under
# the other spellings of its key (8 bare hex digits, decimal, the negative
# decimal of /proc/sysvipc/shm). A hand-written segment whose partitions
# partly lack a master must read DEGRADED with exit code 3 and the exact
# counts per namespace and replica index. (operator_test.sh covers the
# other verdicts, malformed keys and rm's refusals.)
set -euo pipefail
: "${ASIM:?}" "${ASSHM:?}" "${DEMO_CLIENT:?}" "${CRAFTED_SEGMENT:?}"
# Past 0x7FFFFFFF, so /proc/sysvipc/shm prints it as a negative number.
key=$(printf '0xD6%06X' $(( $$ & 0xFFFFFF )))
degraded_key=$(printf '0x68%06X' $(( $$ & 0xFFFFFF )))
lock_file=/dev/shm/aeroshim-${key#0x}.owner
work=$(mktemp -d)
pids=()
asim_pid=

cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  [ -n "$asim_pid" ] && kill -TERM "$asim_pid" 2>/dev/null
  wait 2>/dev/null || true
  ipcrm -M "$key" 2>/dev/null || true
  ipcrm -M "$degraded_key" 2>/dev/null || true
  rm -f "$lock_file"
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# Polls a command (as a string) every 20 ms for up to $1 seconds.
await() {
  local limit=$1; shift
  local end=$(( $(date +%s%N) + limit * 1000000000 ))
  until eval "$@"; do
    [ "$(date +%s%N)" -lt "$end" ] || return 1
    sleep 0.02
  done
}

# One info request to asim's node on port $1; prints the value.
asim_info() {
  python3 - "$1" "$2" <<'EOF'
import socket, struct, sys
port, request = int(sys.argv[1]), sys.argv[2]
body = (request + "\n").encode()
with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
    s.sendall(struct.pack(">Q", (2 << 56) | (1 << 48) | len(body)) + body)
    def take(n):
        data = b""
        while len(data) < n:
            chunk = s.recv(n - len(data))
            if not chunk:
                sys.exit("asim closed the connection")
            data += chunk
        return data
    length = struct.unpack(">Q", take(8))[0] & ((1 << 48) - 1)
    answer = take(length).decode()
print(answer.split("\t", 1)[1].rstrip("\n"))
EOF
}

# Whether asshm's owner of every partition and replica of namespace $1 is
# the node asim names; the differences go to $work/diff.$1.
owners_match() {
  local ns=$1
  "$ASSHM" partitions --key "$key" --ns "$ns" >"$work/map.$ns" || return 1
  asim_info "$seed_port" "asim-ownership:ns=$ns" | tr ';' '\n' |
    awk '{ n = split($0, names, ","); for (r = 1; r <= n; r++) print NR - 1, r - 1, names[r] }' \
      >"$work/asim.$ns"
  diff "$work/asim.$ns" "$work/map.$ns" >"$work/diff.$ns"
}

coproc ASIM_PROC { exec "$ASIM" --nodes 3 --port 0 --namespace test:2 --namespace strong:3:sc --duration 60; }
asim_pid=$ASIM_PROC_PID
read -r -t 10 ready <&"${ASIM_PROC[0]}" || fail "asim did not start"
ports=${ready#asim ready }
seed_port=${ports%%,*}; seed_port=${seed_port##*:}

"$DEMO_CLIENT" 127.0.0.1 "$seed_port" "$key" >"$work/owner.out" 2>&1 &
owner=$!; pids+=("$owner")
await 10 'grep -q "sees 3 nodes" "$work/owner.out"' || fail "owner did not connect: $(cat "$work/owner.out")"
"$DEMO_CLIENT" 127.0.0.1 "$seed_port" "$key" >"$work/follower.out" 2>&1 &
follower=$!; pids+=("$follower")
await 10 'grep -q "sees 3 nodes" "$work/follower.out"' || fail "follower did not connect"

# The first tend after both connected may be a moment away on a loaded host.
await 10 '"$ASSHM" status --key "$key" --json >"$work/status.json"' ||
  fail "status of the live segment is not OK: $(cat "$work/status.json")"
python3 - "$work/status.json" "$key" "$owner" "$ports" <<'EOF'
import json, sys
status = json.load(open(sys.argv[1]))
key, owner, ports = sys.argv[2], int(sys.argv[3]), sys.argv[4].split(',')
def check(cond, what):
    if not cond:
        sys.exit(f"FAIL: {what}: {json.dumps(status)[:2000]}")
check(status["key"] == key, "key")
check(status["size"] == 531448 and status["max_nodes"] == 16 and status["max_namespaces"] == 8, "geometry")
check(status["attached"] == 2, "two processes attached")
check(status["owner_pid"] == owner and status["owner_alive"] and status["lock"], "live owner")
check(status["ready"] and 0 <= status["tend_age_ms"] < 3000, "ready with a fresh tend")
check(status["rebalance_gen"] == 0, "rebalance_gen untouched by an owner that is not rack-aware")
check(status["healthy"] and status["state"] == "OK" and status["verdict"].startswith("OK"), "healthy verdict")
check(sorted(n["address"] for n in status["nodes"]) == sorted(ports), "node addresses")
check(all(n["active"] and n["features"] != 0 for n in status["nodes"]), "active nodes with features")
by_name = {ns["name"]: ns for ns in status["namespaces"]}
check(set(by_name) == {"test", "strong"}, "namespaces")
check(by_name["test"]["replication_factor"] == 2 and not by_name["test"]["sc"], "test is rf 2 AP")
check(by_name["strong"]["replication_factor"] == 3 and by_name["strong"]["sc"], "strong is rf 3 SC")
for ns in by_name.values():
    masters = ns["master_partitions_by_node"]
    check(sum(masters.values()) == 4096 and len(masters) == 3, f"{ns['name']} masters over 3 nodes")
    check(ns["partitions_without_master"] == 0, f"{ns['name']} has a master everywhere")
    check(ns["unowned_by_replica"] == [0] * ns["replication_factor"], f"{ns['name']} fully owned")
check(not status["degraded"], "not degraded")
EOF

for ns in test strong; do
  owners_match "$ns" || fail "$ns: asshm and asim disagree on owners: $(head -20 "$work/diff.$ns")"
done
# After a rotation every partition changes hands; the owner's next tend
# (1 s interval) must carry each one over.
[ "$(asim_info "$seed_port" asim-rebalance)" = ok ] || fail "asim-rebalance refused"
for ns in test strong; do
  await 10 'owners_match "$ns"' ||
    fail "$ns after a rebalance: asshm and asim disagree on owners: $(head -20 "$work/diff.$ns")"
done

# A tend more than two intervals late reads STALE: await the healthy text.
text_ok() {
  text=$("$ASSHM" status --key "$key") && grep -q "pid $owner (alive" <<<"$text" &&
    grep -q "^health *OK" <<<"$text"
}
await 10 text_ok || fail "text status does not name the live owner or is not OK: $text"
negative=$(( key - (1 << 32) ))
awk '{ print $1 }' /proc/sysvipc/shm | grep -qx -- "$negative" || fail "/proc/sysvipc/shm does not show $key as $negative"
for spelling in "${key#0x}" "$(( key ))" "$negative"; do
  # Any verdict will do (a tend may be late): the key read is what counts.
  "$ASSHM" status --key "$spelling" --json >"$work/spelled.json" || true
  grep -q "\"key\":\"$key\",.*\"owner_pid\":$owner," "$work/spelled.json" ||
    fail "status --key $spelling read another segment: $(head -c 300 "$work/spelled.json")"
done
list_ok() {
  listing=$("$ASSHM" list) && grep -qi "^$key .*2 attached  owner pid $owner (alive)  OK: " <<<"$listing"
}
await 10 list_ok || fail "list does not show the segment with its owner and verdict: $listing"
if grep -q "aeroshim-${key#0x}.owner" <<<"$listing"; then
  fail "list calls the live owner's lock file orphaned: $listing"
fi
if refusal=$("$ASSHM" rm --key "$key" 2>&1); then fail "rm removed an attached segment"; fi
grep -q "2 process(es) are attached" <<<"$refusal" || fail "rm refusal does not say why: $refusal"

# Both die without closing, the follower first so nobody takes over: the
# segment stays, nobody attached, the lock byte naming a dead pid, which
# asshm must call ORPHANED (and exit 2) instead of reporting the last map as
# healthy.
kill -KILL "$follower"
wait "$follower" 2>/dev/null || true
kill -KILL "$owner"
wait "$owner" 2>/dev/null || true
pids=()
rc=0
gone=$("$ASSHM" status --key "$key") || rc=$?
[ "$rc" -eq 2 ] || fail "status of an abandoned segment exits $rc, not 2"
grep -q "^health *ORPHANED: .*owner (pid $owner) is gone" <<<"$gone" || fail "orphan not reported: $gone"
"$ASSHM" rm --key "$key" >/dev/null || fail "rm of an abandoned segment failed"
if ipcs -m | grep -qi "$key"; then fail "segment still listed after rm"; fi
[ ! -e "$lock_file" ] || fail "rm left the lock file $lock_file"

# A segment tended by a live owner whose map lacks masters: DEGRADED, exit 3.
mkfifo "$work/hold"
"$CRAFTED_SEGMENT" degraded "$degraded_key" "$work/written" <"$work/hold" >"$work/degraded.out" 2>&1 &
pids+=($!)
exec {hold}>"$work/hold"
await 10 'grep -q "^ready" "$work/degraded.out"' ||
  fail "degraded segment not written: $(cat "$work/degraded.out")"
rc=0
"$ASSHM" status --key "$degraded_key" --json >"$work/degraded.json" || rc=$?
[ "$rc" -eq 3 ] || fail "status --json of a degraded segment exits $rc, not 3"
python3 - "$work/degraded.json" <<'EOF'
import json, sys
status = json.load(open(sys.argv[1]))
def check(cond, what):
    if not cond:
        sys.exit(f"FAIL: {what}: {json.dumps(status)[:2000]}")
check(status["owner_alive"] and status["lock"] and status["ready"], "live owner")
check(not status["healthy"] and status["degraded"], "degraded, not healthy")
check(status["state"] == "DEGRADED" and status["verdict"].startswith("DEGRADED") and "holes 100/4096" in status["verdict"]
      and "whole" not in status["verdict"], "verdict names the namespace and count")
by_name = {ns["name"]: ns for ns in status["namespaces"]}
check(by_name["holes"]["partitions_without_master"] == 100, "holes: 100 without master")
check(by_name["holes"]["unowned_by_replica"] == [100, 300], "holes: unowned per replica")
check(sum(by_name["holes"]["master_partitions_by_node"].values()) == 4096 - 100, "holes: masters")
check(by_name["whole"]["partitions_without_master"] == 0, "whole: every master")
check(by_name["whole"]["unowned_by_replica"] == [0], "whole: unowned per replica")
EOF
rc=0
text=$("$ASSHM" status --key "$degraded_key") || rc=$?
[ "$rc" -eq 3 ] || fail "status of a degraded segment exits $rc, not 3"
grep -q "^health *DEGRADED: .*holes 100/4096" <<<"$text" || fail "text verdict: $text"
grep -q "^  holes .*unowned: master=100 replica1=300$" <<<"$text" || fail "text counts: $text"
for ns in holes whole; do
  "$ASSHM" partitions --key "$degraded_key" --ns "$ns" | sed "s/^/$ns /"
done >"$work/read"
diff "$work/written" "$work/read" >"$work/diff" ||
  fail "partitions differ from what was written: $(head -20 "$work/diff")"
rc=0
"$ASSHM" partitions --key "$degraded_key" --ns nosuch 2>/dev/null || rc=$?
[ "$rc" -eq 1 ] || fail "partitions of an unknown namespace exits $rc, not 1"
exec {hold}>&-
wait "${pids[-1]}" || fail "degraded segment writer failed: $(cat "$work/degraded.out")"
pids=()
if ipcs -m | grep -qi "$degraded_key"; then fail "degraded segment left behind"; fi
[ ! -e "$lock_file" ] || fail "lock file $lock_file left behind"
echo "asshm_test: status/partitions/list/rm on live, abandoned and degraded segments ok"
