#!/usr/bin/env bash
# Lints src/: clang-format checks the layout of every .h and .cpp against
# .clang-format, clang-tidy checks every .cpp (and the src/ headers it includes)
# against .clang-tidy, with the compile flags of the build in BUILD (default
# build/, configured here if it has no compile_commands.json yet).
# Prints each finding once as "file:line:col: message [check]" and exits 1 when
# there is any.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
jobs=${JOBS:-$(nproc)}
cd "$root"

for tool in clang-format clang-tidy; do
  command -v "$tool" >/dev/null || { echo "lint: $tool is required (scripts/deps.sh installs it)" >&2; exit 2; }
done
[ -f "$build/compile_commands.json" ] || cmake -S "$root" -B "$build" >/dev/null

mapfile -t sources < <(find src -name '*.cpp' | sort)
mapfile -t headers < <(find src -name '*.h' | sort)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

echo "== clang-format (.clang-format)"
if ! clang-format --dry-run -Werror "${sources[@]}" "${headers[@]}" 2>"$work/format"; then
  # clang-format reports each differing spot; one line per source line is enough
  # to find it (clang-format -i FILE shows the fix).
  awk -F: '/^[^ ].*:[0-9]+:[0-9]+: error:/ && !seen[$1 FS $2]++ {
    print $1 ":" $2 ": layout differs from .clang-format [clang-format]" }' "$work/format"
  status=1
fi

echo "== clang-tidy (.clang-tidy)"
tidy_rc=0
if command -v run-clang-tidy >/dev/null; then
  # Its arguments are regexes over the database's paths: anchor them to src/.
  run-clang-tidy -quiet -j "$jobs" -p "$build" "^$root/src/.*\.cpp$" >"$work/tidy" 2>&1 || tidy_rc=$?
else
  printf '%s\0' "${sources[@]}" |
    xargs -0 -P "$jobs" -n 4 clang-tidy --quiet -p "$build" >"$work/tidy" 2>&1 || tidy_rc=$?
fi
# run-clang-tidy always asks for colour: strip it. A header's finding comes
# once per file including it: keep one of each.
sed 's/\x1b\[[0-9;]*m//g' "$work/tidy" |
  grep -E '^/.*:[0-9]+:[0-9]+: (warning|error): .*\[[^]]+\]$' | sed "s|^$root/||" |
  sort -t: -k1,1 -k2,2n -k3,3n | uniq >"$work/findings" || true
if [ -s "$work/findings" ]; then
  cat "$work/findings"
  status=1
elif [ "$tidy_rc" -ne 0 ]; then
  # Failed without a finding to show (a crash, a bad database): show everything.
  cat "$work/tidy"
  status=1
fi

[ "$status" -eq 0 ] && echo "lint: clean" || echo "lint: findings above" >&2
exit $status
