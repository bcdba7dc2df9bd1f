#!/usr/bin/env bash
# Every test: unit, property, scenario, CLI, API and browser tests under ASan+UBSan with warnings
# as errors, then the server and store tests under ThreadSanitizer (scripts/tsan.sh), then every
# fuzz target for a short bounded time (fuzz/README.md has the long run), then the benchmarks once
# (short) so they cannot rot.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bootstrap.sh
jobs=$(nproc)
cmake --preset dev -DUNKNOT_BUILD_TESTS=ON -DUNKNOT_BUILD_WEB=ON >/dev/null
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs" | tee build/ctest.log
bash scripts/tsan.sh
FUZZ_SECONDS="${FUZZ_SECONDS:-30}" bash fuzz/run.sh | tee build/fuzz.log
cmake --preset release -DUNKNOT_BUILD_TESTS=OFF -DUNKNOT_BUILD_WEB=ON >/dev/null
cmake --build --preset release -j "$jobs"
bash bench/run.sh --quick
# The closing line CI reads: ctest's own counts.
total=$(grep -oE 'tests failed out of [0-9]+' build/ctest.log | grep -oE '[0-9]+$')
failed=$(grep -oE '[0-9]+ tests failed' build/ctest.log | grep -oE '^[0-9]+')
echo "tests: $((total - failed)) passed, $failed failed"
