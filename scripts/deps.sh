#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, and nothing else.
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -euo pipefail
packages=(cmake make g++ gcc clang clang-format clang-tidy pkg-config libboost-dev libfmt-dev
          libcmocka-dev libssl-dev zlib1g-dev liblua5.4-dev nodejs npm python3 python3-venv
          python3-setuptools python3-wheel iproute2 procps util-linux abigail-tools)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# node/npm/python may come from outside Debian (nvm, pyenv): a working binary is enough.
filtered=()
for p in "${missing[@]}"; do
  case "$p" in
    nodejs) command -v node >/dev/null || filtered+=("$p") ;;
    npm) command -v npm >/dev/null || filtered+=("$p") ;;
    python3) command -v python3 >/dev/null || filtered+=("$p") ;;
    *) filtered+=("$p") ;;
  esac
done
[ ${#filtered[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "aeroshim needs these Debian packages: ${filtered[*]}" >&2
  echo "run: sudo apt-get update && sudo apt-get install -y ${filtered[*]}" >&2
  exit 1
fi
echo "installing: ${filtered[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${filtered[@]}" >/dev/null
