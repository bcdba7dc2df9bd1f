#!/usr/bin/env bash
# The main job: set up, build, and serve the web app with the embedded SQLite database on
# http://127.0.0.1:8080/ (UNKNOT_PORT to change it). Ctrl-C stops it gracefully.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh
cmake --preset release -DUNKNOT_BUILD_TESTS=OFF -DUNKNOT_BUILD_WEB=ON >/dev/null
cmake --build --preset release --target unknot
echo
echo "A first plan, from examples/profile.json (the same engine the web app uses):"
build/release/src/unknot plan --profile examples/profile.json
echo
exec build/release/src/unknot serve --port "${UNKNOT_PORT:-8080}"
