#!/usr/bin/env bash
# kill -9 at random moments during a replay loses no hold already reported saved, and the
# database stays intact. Each "saved hold N" line is printed only after its commit returned.
source "$2/tests/support/cli_lib.sh"
printf '%s' '{"targets": ["calf"], "minutes": 15, "tools": ["foam_roller"], "context": "daily"}' > "$work/p.json"
"$unknot_bin" --db "$work/seed.db" plan --json --profile "$work/p.json" > "$work/plan.json"
{
  echo '{"t": 0, "type": "start"}'
  echo '{"t": 1, "type": "in_position"}'
  t=2
  for i in $(seq 1 2500); do
    echo "{\"t\": $t, \"type\": \"found\", \"tenderness\": 6}"
    echo "{\"t\": $((t + 31)), \"type\": \"eased\", \"tenderness\": 2}"
    t=$((t + 32))
  done
} > "$work/many.jsonl"

runs=${DURABILITY_RUNS:-12}
killed_mid_run=0
for run in $(seq 1 "$runs"); do
  db="$work/d$run.db"
  "$unknot_bin" --db "$db" session --plan "$work/plan.json" --replay "$work/many.jsonl" > "$work/out$run.txt" 2>&1 &
  pid=$!
  # A random moment: 20-1220 ms into a run that takes about 2 s.
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", 0.02 + (r % 1200) / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null
    reported=$(grep -c '^saved hold' "$work/out$run.txt")
    [[ $(tail -1 "$work/out$run.txt") == Session* ]] || killed_mid_run=$((killed_mid_run + 1))
  else
    wait "$pid"
    reported=$(grep -c '^saved hold' "$work/out$run.txt")
  fi
  # Killed before the database was even created: then nothing may have been reported saved.
  [[ -f "$db" ]] || { check "run $run: no database, nothing reported" test "$reported" = 0; continue; }
  # Killed between creating the file and committing the schema: no holds table yet, none stored.
  stored=$(sqlite3 "$db" 'SELECT COUNT(*) FROM holds' 2>/dev/null)
  stored=${stored:-0}
  check "run $run: $stored stored >= $reported reported saved" test "$stored" -ge "$reported"
  check "run $run: integrity ok" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
  # The next open after a crash works and sees the same records.
  check "run $run: reopen after crash" "$unknot_bin" --db "$db" history --json >/dev/null
done
echo "durability: $killed_mid_run of $runs runs killed mid-replay"
check "at least half of the kills landed mid-replay" test "$killed_mid_run" -ge $((runs / 2))
finish
