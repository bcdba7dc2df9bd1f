#!/usr/bin/env bash
# The main job: set up, build, and show a first plan.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh
cmake --preset release -DUNKNOT_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release --target unknot
echo
echo "unknot is built at build/release/src/unknot. A first plan from examples/profile.json:"
echo
exec build/release/src/unknot plan --profile examples/profile.json
