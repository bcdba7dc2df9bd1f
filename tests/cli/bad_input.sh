#!/usr/bin/env bash
# Bad input of every kind gets exit 2 and a message naming the file, line or field.
source "$2/tests/support/cli_lib.sh"
db="$work/u.db"
good='{"targets": ["calf"], "minutes": 10, "tools": ["foam_roller"], "context": "daily"}'
p() { printf '%s\n' "$2" > "$work/$1"; echo "$work/$1"; }

# Profiles
expect_fail 2 "bad.json:3:" -- --db "$db" plan --profile "$(p bad.json $'{\n  "targets": ["calf"],\n  "minutes": 10,,\n}')"
expect_fail 2 "invalid JSON" -- --db "$db" plan --profile "$(p empty.json '')"
expect_fail 2 "targets[0]: unknown muscle or region \`calve\`" -- --db "$db" plan --profile "$(p t.json '{"targets": ["calve"]}')"
expect_fail 2 "did you mean: calf" -- --db "$db" plan --profile "$(p t.json '{"targets": ["calve"]}')"
expect_fail 2 "targets: list at least one" -- --db "$db" plan --profile "$(p t.json '{"targets": []}')"
expect_fail 2 "targets: missing" -- --db "$db" plan --profile "$(p t.json '{"minutes": 5}')"
expect_fail 2 "targets: expected a list, got a string" -- --db "$db" plan --profile "$(p t.json '{"targets": "calf"}')"
expect_fail 2 "targets[1]: expected a string, got a whole number" -- --db "$db" plan --profile "$(p t.json '{"targets": ["calf", 3]}')"
expect_fail 2 "minutes: must be from 1 to 240" -- --db "$db" plan --profile "$(p t.json '{"targets": ["calf"], "minutes": -5}')"
expect_fail 2 "minutes: must be from 1 to 240" -- --db "$db" plan --profile "$(p t.json '{"targets": ["calf"], "minutes": 0}')"
expect_fail 2 "minutes: expected a whole number, got a string" -- --db "$db" plan --profile "$(p t.json '{"targets": ["calf"], "minutes": "15"}')"
expect_fail 2 "minutes: expected a whole number" -- --db "$db" plan --profile "$(p t.json '{"targets": ["calf"], "minutes": 2.5}')"
expect_fail 2 "tools[0]: unknown tool \`roller\`" -- --db "$db" plan --profile "$(p t.json '{"targets": ["calf"], "tools": ["roller"]}')"
expect_fail 2 "context: must be warm_up, cool_down or daily" -- --db "$db" plan --profile "$(p t.json '{"targets": ["calf"], "context": "morning"}')"
expect_fail 2 "unknown field \`target\`" -- --db "$db" plan --profile "$(p t.json '{"target": ["calf"]}')"
expect_fail 2 "screening.answers.heart_failure: unknown condition" -- --db "$db" plan --profile "$(p t.json '{"screening": {"answers": {"heart_failure": true}}, "targets": ["calf"]}')"
expect_fail 2 "screening.answers.pregnancy: expected true/false" -- --db "$db" plan --profile "$(p t.json '{"screening": {"answers": {"pregnancy": "yes"}}, "targets": ["calf"]}')"
expect_fail 2 "has no left or right side" -- --db "$db" plan --profile "$(p t.json '{"targets": ["upper_back:left"]}')"
expect_fail 2 "the key \"minutes\" appears twice" -- --db "$db" plan --profile "$(p dup.json '{"targets": ["calf"], "minutes": 10, "minutes": 90}')"
expect_fail 2 "(top level): expected an object, got a list" -- --db "$db" plan --profile "$(p t.json '[1,2]')"
expect_fail 2 "cannot open the file" -- --db "$db" plan --profile "$work/nope.json"
expect_fail 2 "is a folder" -- --db "$db" plan --profile "$work"

# Screening answers
expect_fail 2 "screening.answers.kidney: unknown condition" -- screen --answers "$(p a.json '{"answers": {"kidney": true}}')"
expect_fail 2 "recent_injury_regions[0]: unknown region \`calff\`" -- screen --answers "$(p a.json '{"answers": {"recent_injury": true, "recent_injury_regions": ["calff"]}}')"

# Assessment findings
expect_fail 2 "findings[0].id: unknown finding \`knees_in\`" -- assess --findings "$(p f.json '{"findings": [{"id": "knees_in"}]}')"
expect_fail 2 "findings[0].side: \`feet_turn_out\` has no side" -- assess --findings "$(p f.json '{"findings": [{"id": "feet_turn_out", "side": "left"}]}')"
expect_fail 2 "findings[0].side" -- assess --findings "$(p f.json '{"findings": [{"id": "asymmetric_weight_shift"}]}')"
expect_fail 2 "edition: unknown edition \`c5\`" -- assess --findings "$(p f.json '{"findings": [], "edition": "c5"}')"
expect_fail 2 "assessment.findings[0].id" -- --db "$db" plan --profile "$(p t.json '{"assessment": {"findings": [{"id": "nope"}]}}')"

# Catalog look-ups and usage
expect_fail 2 "unknown technique \`calf_roll\` (did you mean: calves_roll" -- technique calf_roll
expect_fail 2 "" -- plan
expect_fail 2 "" -- --no-such-flag techniques
expect_fail 2 "" -- frobnicate

# Content folder problems
expect_fail 2 "content directory not found" -- --data "$work/missing" techniques
cp -r "$root/data" "$work/data1"
sed -i 's/^hold_max_s: 90$/hold_max_s: 120/' "$work/data1/techniques/calves_roll.rec"
expect_fail 2 "data1/techniques/calves_roll.rec:" -- --data "$work/data1" techniques
expect_fail 2 "hold_max_s: 120\` is outside 30-90" -- --data "$work/data1" techniques
cp -r "$root/data" "$work/data2"
printf 'technique: broken\nname Broken\n' >> "$work/data2/techniques/calves_roll.rec"
expect_fail 2 "expected \`name: value\`" -- --data "$work/data2" techniques
cp -r "$root/data" "$work/data3"
ln -s "$work/nowhere.rec" "$work/data3/dangling.rec"
expect_fail 2 "dangling.rec: is not a readable content file" -- --data "$work/data3" techniques
cp -r "$root/data" "$work/data4"
sed -i 's/^muscles: gastrocnemius/muscles: gastrocnemus/' "$work/data4/techniques/calves_roll.rec"
expect_fail 2 "unknown muscle \`gastrocnemus\` (did you mean: gastrocnemius" -- --data "$work/data4" techniques

# Databases
printf 'this is not a database, just some text that is long enough to look like a header....' > "$work/corrupt.db"
expect_fail 2 "not an unknot database, or it is damaged" -- --db "$work/corrupt.db" history
"$unknot_bin" --db "$work/locked.db" history >/dev/null
( printf 'BEGIN EXCLUSIVE;\nINSERT INTO sessions(started_unix_ms, day, plan_json) VALUES (1,1,"{}");\n'; sleep 6 ) | sqlite3 "$work/locked.db" &
locker=$!
sleep 1
printf '{"t": 0, "type": "start"}\n' > "$work/start.jsonl"
"$unknot_bin" --db "$work/locked.db" plan --json --profile "$(p good.json "$good")" > "$work/plan0.json"
expect_fail 2 "locked by another program" -- --db "$work/locked.db" session --plan "$work/plan0.json" --replay "$work/start.jsonl"
kill "$locker" 2>/dev/null; wait "$locker" 2>/dev/null
expect_fail 2 "/proc/unknot does not exist" -- --db "/proc/unknot/x.db" history  # a folder not made for a typed --db

# Plans and replays
"$unknot_bin" --db "$db" plan --json --profile "$(p good.json "$good")" > "$work/plan.json"
sed 's/"hold_max_s": 90/"hold_max_s": 200/' "$work/plan.json" > "$work/tampered.json"
expect_fail 2 "hold_max_s: must be from 30 to 90" -- --db "$db" session --plan "$work/tampered.json" --replay /dev/null
printf '{"t": 0, "type": "start"}\n{"t": 1, "type": "jump"}\n' > "$work/ev.jsonl"
expect_fail 2 "ev.jsonl:2: type: unknown event \`jump\`" -- --db "$db" session --plan "$work/plan.json" --replay "$work/ev.jsonl"
printf '{"t": 0, "type": "start"}\n{"t": 1, "type": "found", "tenderness": 11}\n' > "$work/ev.jsonl"
expect_fail 2 "ev.jsonl:2: tenderness: must be from 0 to 10" -- --db "$db" session --plan "$work/plan.json" --replay "$work/ev.jsonl"
printf '{"t": 0, "type": "start"}\n{"t": 1, type: "next"}\n' > "$work/ev.jsonl"
expect_fail 2 "ev.jsonl:2:" -- --db "$db" session --plan "$work/plan.json" --replay "$work/ev.jsonl"
expect_fail 2 "no events" -- --db "$db" session --plan "$work/plan.json" --replay /dev/null
expect_fail 2 "does not look like a plan" -- --db "$db" session --plan "$(p g.json "$good")" --replay "$work/ev.jsonl"
expect_fail 2 "needs a terminal" -- --db "$db" session --plan "$work/plan.json" </dev/null
# One size limit for every file the CLI reads (issue 12, item 5): a device or a runaway log is
# refused at 8 MiB, not read until the process is killed.
expect_fail 2 "/dev/zero: the file is larger than 8 MiB" -- --db "$db" plan --profile /dev/zero
head -c 9000000 /dev/zero | tr '\0' '\n' > "$work/huge.jsonl"
expect_fail 2 "huge.jsonl: the file is larger than 8 MiB" -- --db "$db" session --plan "$work/plan.json" --replay "$work/huge.jsonl"

# A --db in a folder that does not exist: refused, and no folder made for it (issue 12, item 10).
expect_fail 2 "the folder $work/missing/folder does not exist" -- --db "$work/missing/folder/x.db" history
check "no folder created for a mistyped --db" test ! -e "$work/missing"
# An access log that cannot be written is refused before serving (issue 12, item 11).
expect_fail 2 "$work/nowhere/access.log: cannot open the access log" -- --db "$db" serve --port 0 --access-log "$work/nowhere/access.log"
expect_fail 2 "--access-log-max-mb" -- --db "$db" serve --port 0 --access-log-max-mb 0

# Nothing above may have written a half session.
check "no sessions saved by rejected input" test "$(sqlite3 "$db" 'select count(*) from sessions')" = 0

finish
