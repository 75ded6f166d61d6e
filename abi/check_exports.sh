#!/bin/sh
# Compares the dynamic symbols a library defines with the export list.
# usage: check_exports.sh LIBRARY EXPORTS_LIST
# Exits 1 and prints both differences when they disagree.
set -eu
lib=$1
list=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '{print $NF}' | sort -u > "$tmp/actual"
grep -v -e '^#' -e '^[[:space:]]*$' "$list" | sort -u > "$tmp/expected"
if ! cmp -s "$tmp/actual" "$tmp/expected"; then
  echo "exported by $lib but not in $list (stray exports):"
  comm -23 "$tmp/actual" "$tmp/expected" | sed 's/^/  + /'
  echo "in $list but not exported (missing exports):"
  comm -13 "$tmp/actual" "$tmp/expected" | sed 's/^/  - /'
  exit 1
fi
echo "exports match $list ($(wc -l < "$tmp/expected") symbols)"
