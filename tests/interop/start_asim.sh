# Sourced by the interop scripts: start_asim SECONDS [NAMESPACE...] starts a
# 3-node asim on ephemeral ports with those namespaces (asim's --namespace
# specs; test:2 when none are given), bounded by --duration SECONDS so
# it goes even if the caller is SIGKILLed, and sets asim_pid and seeds
# ("127.0.0.1:P,..."). Needs $ASIM and a scratch directory $tmp; exits the
# caller with a message when asim does not come up within 10 s.
start_asim() {
  local duration=$1 spec namespaces=()
  shift
  for spec in "${@:-test:2}"; do namespaces+=(--namespace "$spec"); done
  mkfifo "$tmp/ready"
  "$ASIM" --nodes 3 --port 0 "${namespaces[@]}" --duration "$duration" >"$tmp/ready" 2>"$tmp/asim.err" &
  asim_pid=$!
  exec 3<"$tmp/ready"
  local ready=
  if ! read -r -t 10 ready <&3; then
    echo "FAIL asim exited or printed no ready line within 10 s" >&2
    cat "$tmp/asim.err" >&2
    exit 1
  fi
  exec 3<&-
  if [[ $ready != "asim ready "* ]]; then
    echo "FAIL unexpected first line from asim: '$ready'" >&2
    exit 1
  fi
  seeds=${ready#asim ready }
}
