# Sourced by the interop drivers that start member processes through node.
# require_stock_client: fails the test unless the stock client is installed.
# stop_members: the members are node's children, not the script's, so each pid
# listed in $pids_file gets TERM, then a bounded wait, then KILL.

require_stock_client() {
  : "${AEROSHIM_STOCK_DIR:?AEROSHIM_STOCK_DIR must name the stock client install}"
  if [[ ! -d $AEROSHIM_STOCK_DIR/node_modules/aerospike ]]; then
    echo "FAIL stock client not installed in $AEROSHIM_STOCK_DIR (run scripts/stock-client.sh)" >&2
    exit 1
  fi
}

stop_members() {
  local pid deadline
  while read -r pid; do
    kill -CONT "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done <"$pids_file"
  deadline=$(( $(date +%s) + 5 ))
  while read -r pid; do
    while kill -0 "$pid" 2>/dev/null && (( $(date +%s) < deadline )); do sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
  done <"$pids_file"
}
