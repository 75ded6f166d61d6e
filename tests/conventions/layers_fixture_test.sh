#!/usr/bin/env bash
# Proves scripts/check_layers.sh can fail: it builds a two-layer src/ tree in a
# temporary directory, checks that the clean tree passes, then adds one bad
# include and checks that the checker exits 1 and names that include.
#
# Usage: layers_fixture_test.sh CHECKER back_edge|unknown_folder
set -euo pipefail
checker=$1
case=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$tmp/src
mkdir -p "$src/upper" "$src/lower"
cat > "$src/README.md" <<'README'
# fixture: two layers
<!-- layers: top to bottom -->
```
upper
lower
```
<!-- end of layers -->
README
printf '#include "lower/base.h"\n#include <stdio.h>\n' > "$src/upper/top.h"
printf '#pragma once\n#include "lower/other.h"\n' > "$src/lower/base.h"
printf '#pragma once\n' > "$src/lower/other.h"

fail() { echo "FAIL: $*" >&2; exit 1; }

"$checker" "$src" || fail "the clean fixture tree was rejected"

case $case in
  back_edge)
    printf '#pragma once\n\n#include "upper/top.h"\n' > "$src/lower/bad.h"
    expected='src/lower/bad.h:3: lower includes upper (upper is above lower)' ;;
  unknown_folder)
    printf '#pragma once\n#include "elsewhere/x.h"\n' > "$src/upper/bad.cpp"
    expected='src/upper/bad.cpp:2: upper includes elsewhere (elsewhere is not in the layer list)' ;;
  *) fail "unknown case $case" ;;
esac

set +e
output=$("$checker" "$src")
rc=$?
set -e
echo "$output"
[ "$rc" -eq 1 ] || fail "the checker exited $rc on the doctored tree, expected 1"
grep -qxF "$expected" <<<"$output" || fail "the checker did not report: $expected"
[ "$(wc -l <<<"$output")" -eq 1 ] || fail "the checker reported more than the one bad include"
echo "PASS: $case detected"
