#!/usr/bin/env bash
# asshm against a live segment: a 3-node asim (an AP and an SC namespace), one
# owner and one follower on a pid-derived key. `status --json` must report
# what the cluster is (nodes, addresses, namespaces, factors, SC, masters per
# node summing to 4096, a live owner with a fresh tend, a healthy verdict);
# the text form names the same owner; `list` finds the segment; `rm` refuses
# while processes are attached. When the owner is gone, the verdict says so
# and `rm` then removes the segment.
set -euo pipefail
: "${ASIM:?}" "${ASSHM:?}" "${DEMO_CLIENT:?}"
key=$(printf '0x56%06X' $(( $$ & 0xFFFFFF )))
lock_file=/dev/shm/aeroshim-${key#0x}.owner
work=$(mktemp -d)
pids=()
asim_pid=

cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  [ -n "$asim_pid" ] && kill -TERM "$asim_pid" 2>/dev/null
  wait 2>/dev/null || true
  ipcrm -M "$key" 2>/dev/null || true
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

"$ASSHM" status --key "$key" --json >"$work/status.json"
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
check(status["healthy"] and status["verdict"].startswith("OK"), "healthy verdict")
check(sorted(n["address"] for n in status["nodes"]) == sorted(ports), "node addresses")
check(all(n["active"] and n["features"] != 0 for n in status["nodes"]), "active nodes with features")
by_name = {ns["name"]: ns for ns in status["namespaces"]}
check(set(by_name) == {"test", "strong"}, "namespaces")
check(by_name["test"]["replication_factor"] == 2 and not by_name["test"]["sc"], "test is rf 2 AP")
check(by_name["strong"]["replication_factor"] == 3 and by_name["strong"]["sc"], "strong is rf 3 SC")
for ns in by_name.values():
    masters = ns["master_partitions_by_node"]
    check(sum(masters.values()) == 4096 and len(masters) == 3, f"{ns['name']} masters over 3 nodes")
EOF

text=$("$ASSHM" status --key "$key")
grep -q "pid $owner (alive" <<<"$text" || fail "text status does not name the live owner: $text"
grep -q "^health *OK" <<<"$text" || fail "text status is not healthy: $text"
listing=$("$ASSHM" list)
grep -qi "^$key .*2 attached" <<<"$listing" || fail "list does not show the segment: $listing"
if refusal=$("$ASSHM" rm --key "$key" 2>&1); then fail "rm removed an attached segment"; fi
grep -q "2 process(es) are attached" <<<"$refusal" || fail "rm refusal does not say why: $refusal"

# Both die without closing, the follower first so nobody takes over: the
# segment stays with the lock held by a dead pid, which asshm must call out
# (and exit 2) instead of reporting the last map as healthy.
kill -KILL "$follower"
wait "$follower" 2>/dev/null || true
kill -KILL "$owner"
wait "$owner" 2>/dev/null || true
pids=()
rc=0
gone=$("$ASSHM" status --key "$key") || rc=$?
[ "$rc" -eq 2 ] || fail "status of an abandoned segment exits $rc, not 2"
grep -q "^health *OWNER GONE: pid $owner" <<<"$gone" || fail "dead owner not reported: $gone"
"$ASSHM" rm --key "$key" >/dev/null || fail "rm of an abandoned segment failed"
if ipcs -m | grep -qi "$key"; then fail "segment still listed after rm"; fi
echo "asshm_test: status/list/rm on a live and an abandoned segment ok"
