#!/usr/bin/env bash
# Builds the fuzz targets (the `fuzz` preset: clang, ASan+UBSan) and runs each one over its seed
# corpus. Short by default (CI): FUZZ_SECONDS per target (default 30). The long run documented
# in fuzz/README.md sets FUZZ_SECONDS=600 or more. Any crash, leak or broken invariant fails the
# run and leaves the input in build/fuzz/findings/<target>/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-30}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
work="$root/build/fuzz"
rm -rf "$work/seeds"
# An export to seed the import target: the dev binary's, when it has been built.
export_file=""
if [[ -x build/dev/src/unknot ]]; then
  tmp=$(mktemp -d)
  build/dev/src/unknot --db "$tmp/x.db" plan --profile examples/profile.json --json > "$tmp/plan.json"
  node -e 'const fs=require("fs");const m=fs.readFileSync("tests/cli/replay.sh","utf8").match(/ev\.jsonl" <<.EV.\n([\s\S]*?)\nEV/);fs.writeFileSync(process.argv[1],m[1]+"\n")' "$tmp/ev.jsonl"
  build/dev/src/unknot --db "$tmp/x.db" session --plan "$tmp/plan.json" --replay "$tmp/ev.jsonl" --at 2026-11-20T07:00 >/dev/null
  build/dev/src/unknot --db "$tmp/x.db" export -o "$tmp/export.json" >/dev/null && export_file="$tmp/export.json"
fi
node fuzz/seeds.mjs "$work/seeds" $export_file
declare -A max_len=([rec_records]=65536 [json_readers]=65536 [session_replay]=16384 [imports]=262144 [http_requests]=65536)
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0"
failed=0
total=0
for target in rec_records json_readers session_replay imports http_requests; do
  corpus="$work/corpus/$target"
  findings="$work/findings/$target"
  mkdir -p "$corpus" "$findings"
  log="$work/$target.log"
  # -rss_limit_mb: the imports rebuild a database per input; 2 GiB is far above any real need.
  if ! "$work/fuzz/fuzz_$target" "$corpus" "$work/seeds/$target" -max_total_time="$seconds" -max_len="${max_len[$target]}" \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" > "$log" 2>&1; then
    echo "fuzz $target: FAILED (input in $findings/); the end of its log:"
    tail -40 "$log"
    failed=1
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || echo 0)
  total=$((total + runs))
  echo "fuzz $target: $runs executions in ${seconds} s, corpus $(ls "$corpus" | wc -l) inputs"
done
echo "fuzz: $total executions in all"
exit $failed
