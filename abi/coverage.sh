#!/bin/sh
# How much of 7.4.0's export list aeroshim exports, per area.
# usage: coverage.sh EXPORTS_LIST STOCK_TSV            prints the markdown table
#        coverage.sh EXPORTS_LIST STOCK_TSV README     exits 1 unless README's table
#                                                      (between the coverage markers) is current
# An export of ours that 7.4.0 does not have is an error either way: the ABI
# is 7.4.0's, we add nothing to it.
set -eu
list=$1
stock=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v -e '^#' -e '^[[:space:]]*$' "$list" | sort -u > "$tmp/ours"
grep -v '^#' "$stock" | sort -t "$(printf '\t')" -k1,1 > "$tmp/stock"
cut -f1 "$tmp/stock" | comm -23 "$tmp/ours" - > "$tmp/foreign"
if [ -s "$tmp/foreign" ]; then
  echo "exported by aeroshim but not by 7.4.0:"
  sed 's/^/  + /' "$tmp/foreign"
  exit 1
fi
# One row per area (7.4.0's count, ours), in area order, then the total.
awk -F '\t' -v ours="$tmp/ours" '
  BEGIN { while ((getline name < ours) > 0) have[name] = 1 }
  { total[$2]++; if ($1 in have) done[$2]++ }
  END { for (a in total) print a "\t" total[a] "\t" done[a] + 0 }' "$tmp/stock" |
  LC_ALL=C sort > "$tmp/areas"
{
  echo "| area | 7.4.0 | aeroshim | missing |"
  echo "|---|---:|---:|---:|"
  awk -F '\t' '{ printf "| %s | %d | %d | %d |\n", $1, $2, $3, $2 - $3; all += $2; hit += $3 }
    END { printf "| **total** | %d | %d | %d |\n", all, hit, all - hit }' "$tmp/areas"
} > "$tmp/table"
if [ $# -lt 3 ]; then
  cat "$tmp/table"
  exit 0
fi
sed -n '/^<!-- coverage: begin -->$/,/^<!-- coverage: end -->$/p' "$3" | sed '1d;$d' > "$tmp/readme"
if ! cmp -s "$tmp/table" "$tmp/readme"; then
  echo "the coverage table in $3 is stale; the current one is:"
  cat "$tmp/table"
  echo "(regenerate: abi/coverage.sh abi/exports.txt abi/exports-7.4.0.tsv > table, paste between the markers)"
  exit 1
fi
echo "coverage table current: $(grep -c . "$tmp/ours") of $(grep -c . "$tmp/stock") 7.4.0 exports"
