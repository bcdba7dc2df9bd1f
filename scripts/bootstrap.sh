#!/usr/bin/env bash
# Installs the Debian packages unknot needs, idempotently: a second run installs nothing and
# does not even refresh the package lists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t wanted < <(grep -v '^\s*#' "$here/debian-packages.txt" | sed '/^\s*$/d')
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "bootstrap: all ${#wanted[@]} Debian packages present"

# Node.js for the web UI and the browser/API tests: the machine's own if new enough, else Debian's.
if ! command -v node >/dev/null || ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)'; then
  echo "bootstrap: installing nodejs and npm from Debian"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# npm packages from each lockfile, only when the lockfile changed since the last install.
root="$(cd "$here/.." && pwd)"
for dir in web web/tools/api-types tests/api; do
  [[ -f "$root/$dir/package-lock.json" ]] || continue
  want=$(sha256sum "$root/$dir/package-lock.json" | cut -d' ' -f1)
  have=$(cat "$root/$dir/node_modules/.unknot-lock-hash" 2>/dev/null || true)
  if [[ "$want" != "$have" ]]; then
    echo "bootstrap: npm ci in $dir"
    (cd "$root/$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" > "$root/$dir/node_modules/.unknot-lock-hash"
  fi
done
echo "bootstrap: npm packages present"
