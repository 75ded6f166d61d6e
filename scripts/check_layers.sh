#!/usr/bin/env bash
# Enforces the one-way layers of src/: the order is the fenced list in
# src/README.md between "<!-- layers: top to bottom -->" and "<!-- end of layers -->".
# A file in folder F may write #include "G/..." only when G is F or listed below F;
# <...> includes (public and system headers) are open to every layer.
#
# Usage: scripts/check_layers.sh [SRC_DIR]   (default: the src/ next to this script)
# Prints one line per offending include and exits 1 when there is any; exits 2
# when the layer list itself cannot be read, so a broken README never passes.
set -euo pipefail
src=${1:-$(cd "$(dirname "$0")/.." && pwd)/src}
[ -d "$src" ] || { echo "check_layers: $src is not a directory" >&2; exit 2; }
src=$(cd "$src" && pwd)
readme=$src/README.md
[ -f "$readme" ] || { echo "check_layers: $readme not found" >&2; exit 2; }

# The list is the non-blank lines of the fenced block between the markers.
mapfile -t layers < <(awk '
  /<!-- layers: top to bottom -->/ { inside = 1; next }
  /<!-- end of layers -->/        { inside = 0 }
  inside && !/^```/ && NF         { print $1 }' "$readme")
[ ${#layers[@]} -gt 0 ] || { echo "check_layers: no layer list between the markers in $readme" >&2; exit 2; }

# Rank 0 is the top layer; a file may include only ranks >= its own.
declare -A rank
for i in "${!layers[@]}"; do rank[${layers[$i]}]=$i; done

status=0
report() { echo "$1"; status=1; }
# Findings name files as src/<folder>/<file>, the way they read from the repository root.
shown=${src##*/}

while IFS= read -r -d '' file; do
  rel=${file#"$src"/}
  name=$shown/$rel
  if [[ $rel != */* ]]; then
    report "$name:1: file is in no layer folder of src/"
    continue
  fi
  from=${rel%%/*}
  if [ -z "${rank[$from]+set}" ]; then
    report "$name:1: folder $from is not in the layer list of $shown/README.md"
    continue
  fi
  # grep -n gives "line:text"; only quoted includes with a folder are layered.
  while IFS=: read -r line text; do
    [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^/\"]+)/ ]] || continue
    to=${BASH_REMATCH[1]}
    if [ -z "${rank[$to]+set}" ]; then
      report "$name:$line: $from includes $to ($to is not in the layer list)"
    elif [ "${rank[$to]}" -lt "${rank[$from]}" ]; then
      report "$name:$line: $from includes $to ($to is above $from)"
    fi
  done < <(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" || true)
done < <(find "$src" -type f \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z)

exit $status
