#!/usr/bin/env bash
# `make run` as a test: the story must end with every command answered
# (0 errors), both takeovers timed, and nothing left behind. Runs the same
# script on its own key (from our pid) and ephemeral ports.
#
# usage: demo_test.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
src=$1 build=$2
key=$(printf '0x5D%06X' $(( $$ & 0xFFFFFF )))
out=$(mktemp)
trap 'rm -f "$out"; ipcrm -M "$key" 2>/dev/null; rm -f "/dev/shm/aeroshim-${key#0x}.owner"' EXIT
fail() { echo "demo_test: $*"; cat "$out"; exit 1; }

AEROSHIM_DEMO_KEY=$key AEROSHIM_DEMO_PORT=0 timeout 60 bash "$src/scripts/demo.sh" "$build" >"$out" 2>&1
status=$?
[ $status -eq 0 ] || fail "the demo exited with $status"
grep -Eq "^  [0-9]+ commands, 0 errors$" "$out" || fail "no '0 errors' total"
grep -q "closed; pid [0-9]* took over after" "$out" || fail "no graceful handoff timed"
grep -q "was killed; pid [0-9]* took over after" "$out" || fail "no crash takeover timed"
grep -q "health    OK" "$out" || fail "asshm did not call the segment OK"
# Every sample line under load names commands per second and 0 errors.
samples=$(grep -c "commands/s, 0 errors" "$out")
[ "$samples" -ge 9 ] || fail "only $samples load samples with 0 errors"
grep -q "commands/s, [1-9][0-9]* errors" "$out" && fail "a sample counted errors"
ipcs -m | awk '{print $1}' | grep -qix "$key" && fail "segment $key left behind"
[ -e "/dev/shm/aeroshim-${key#0x}.owner" ] && fail "lock file left behind"
echo "demo_test: ok ($samples samples)"
