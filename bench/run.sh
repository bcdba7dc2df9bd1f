#!/usr/bin/env bash
# Runs the benchmarks on the release build and prints each target as a ratio against a
# baseline measured in the same run, then the HTTP (wrk) and web (Chromium) targets.
# `--quick` is the short smoke run the test command uses: it proves every benchmark still runs
# and prints the numbers, but a missed goal there (short runs are noisy) is reported, not fatal.
# A full run (no flag) exits 1 when any goal is missed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build/release"
min_time=0.5
plan_runs=50
wrk_time=10s
quick=""
if [[ "${1:-}" == "--quick" ]]; then min_time=0.05; plan_runs=10; wrk_time=3s; quick="--quick"; fi
missed=()
[[ -x "$build/bench/bench_core" ]] || { echo "bench: build the release preset first (scripts/test.sh does)"; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$build/bench/bench_core" --benchmark_min_time="$min_time" --benchmark_format=console
"$build/bench/bench_store" --benchmark_min_time="$min_time" --benchmark_out="$out/store.json" --benchmark_out_format=json >/dev/null
store_rate=$(jq '.benchmarks[] | select(.name|startswith("BM_StoreDurableHold")) | .items_per_second' "$out/store.json")
raw_rate=$(jq '.benchmarks[] | select(.name|startswith("BM_RawSqliteInsert")) | .items_per_second' "$out/store.json")
ratio=$(awk -v a="$store_rate" -v b="$raw_rate" 'BEGIN { printf "%.2f", a / b }')
printf '\ndurable hold writes: store %.0f/s, raw SQLite %.0f/s, ratio %s (goal >= 0.5)\n' "$store_rate" "$raw_rate" "$ratio"

# Wall time of `unknot plan`, against the bare process start (`unknot --version`) as baseline.
printf '%s' '{"targets": ["calf", "hamstrings", "upper_back"], "minutes": 15, "tools": ["foam_roller"], "context": "warm_up"}' > "$out/p.json"
time_ms() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq 1 "$plan_runs"); do "$@" >/dev/null; done
  end=$(date +%s%N)
  awk -v ns=$((end - start)) -v n="$plan_runs" 'BEGIN { printf "%.2f", ns / n / 1e6 }'
}
base_ms=$(time_ms "$build/src/unknot" --version)
plan_ms=$(time_ms "$build/src/unknot" --db "$out/b.db" plan --profile "$out/p.json")
printf 'unknot plan: %s ms per run; process start alone %s ms; ratio %.1fx (goal < 20 ms)\n' "$plan_ms" "$base_ms" \
  "$(awk -v a="$plan_ms" -v b="$base_ms" 'BEGIN { print a / b }')"
awk -v r="$ratio" -v p="$plan_ms" 'BEGIN { exit !(r >= 0.5 && p < 20) }' || missed+=("store/plan")

echo
bash "$root/bench/http.sh" "$wrk_time" || missed+=("http")

echo
"$build/src/unknot" --db "$out/web.db" serve --port 0 > "$out/serve.log" 2>/dev/null &
server=$!
for _ in $(seq 1 100); do url=$(grep -o 'http://[0-9.:]*' "$out/serve.log" | head -1 || true); [[ -n "$url" ]] && break; sleep 0.1; done
node "$root/bench/web.mjs" "$url" "$build/web-dist" $quick || missed+=("web")
kill "$server"; wait "$server" || true

if ((${#missed[@]})); then
  echo "bench: goals missed in: ${missed[*]}"
  [[ -n "$quick" ]] || exit 1
else
  echo "bench: every goal met"
fi
