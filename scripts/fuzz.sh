#!/usr/bin/env bash
# Runs every libFuzzer target in tests/fuzz for SECONDS each (first argument,
# else FUZZ_SECONDS, else 60) over its seed corpus and prints what each run
# covered. Exits non-zero if any fuzzer found a crash; its input is saved in
# the build tree and named in the output.
set -euo pipefail
seconds=${1:-${FUZZ_SECONDS:-60}}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac

command -v clang++ >/dev/null || { echo "fuzz: clang++ is required (scripts/deps.sh installs it)" >&2; exit 1; }
cmake -S "$root" -B "$build" >/dev/null

names=()
for src in "$root"/tests/fuzz/*_fuzz.cpp; do names+=("$(basename "$src" .cpp)"); done
# Only the fuzzers are built: they need nothing else from the tree.
cmake --build "$build" --target "${names[@]}" >/dev/null

out=$build/tests/fuzz
status=0
printf '%-14s %8s %12s %10s %8s %8s %8s\n' fuzzer seconds execs exec/s cov ft corpus
for name in "${names[@]}"; do
  scratch=$out/scratch/$name
  mkdir -p "$scratch"
  log=$out/$name.log
  rc=0
  # The scratch directory comes first so new inputs never land in the seeds.
  "$out/bin/$name" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$out/$name-" \
    "$scratch" "$root/tests/fuzz/corpus/${name%_fuzz}" >"$log" 2>&1 || rc=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  field() { grep -oE "$1: *[0-9]+(/[0-9]+[a-zA-Z]*)?" <<<"$last" | sed -E "s#^$1: *##" || true; }
  printf '%-14s %8s %12s %10s %8s %8s %8s\n' "$name" "$seconds" "${execs:-?}" "$(field exec/s)" \
    "$(field cov)" "$(field ft)" "$(field corp)"
  if [ "$rc" -ne 0 ]; then
    echo "fuzz: $name failed (exit $rc); see $log and $out/$name-*" >&2
    status=1
  fi
done
exit $status
