#!/usr/bin/env bash
# `unknot export` and `unknot import` as people run them: export -> import into an empty
# database -> export again is byte-identical but for the fields docs/export-format.md calls
# installation-specific; every refused import says where, exits 2 and leaves the database as it
# was; free-exercise-db's foam-roll entries become the person's own techniques, the same rows
# when imported twice. tests/cli/data/free-exercise-db-sample.json is a slice of the real
# dataset: its 11 foam-roll entries and 4 others.
source "$2/tests/support/cli_lib.sh"
db="$work/a.db"
u() { "$unknot_bin" --db "$db" "$@"; }
# The export without its installation-specific members (any `installation`, `exported_unix_ms`).
portable() { jq 'del(.. | .installation?) | del(.exported_unix_ms)' "$1"; }
dump() { sqlite3 "$1" .dump; }
fedb="$root/tests/cli/data/free-exercise-db-sample.json"

printf 'owner passphrase 1\n' | u admin create-user --password-stdin --email olive@example.org --name "Olive Owner" >/dev/null
printf '%s' '{"targets": ["calf"], "minutes": 15, "tools": ["foam_roller"], "context": "daily"}' > "$work/p.json"
u plan --json --profile "$work/p.json" > "$work/plan.json"
cat > "$work/ev.jsonl" <<'EV'
{"t": 0, "type": "start"}
{"t": 5, "type": "in_position"}
{"t": 20, "type": "found", "tenderness": 7}
{"t": 60, "type": "eased", "tenderness": 3}
{"t": 62, "type": "next"}
{"t": 70, "type": "in_position"}
{"t": 80, "type": "found", "tenderness": 6}
{"t": 200, "type": "next"}
EV
u session --plan "$work/plan.json" --replay "$work/ev.jsonl" --at 2026-11-20T07:00 >/dev/null
u session --plan "$work/plan.json" --replay "$work/ev.jsonl" --at 2026-11-21T07:15 >/dev/null

# The CLI records neither assessments nor event logs: those come over the API, as the app sends them.
token=$(u admin token --email olive@example.org --name exchange-test)
u serve --port 0 > "$work/serve.out" 2>/dev/null &
server=$!
url=""
for _ in $(seq 1 100); do url=$(grep -o 'http://[0-9.:]*' "$work/serve.out" | head -1); [[ -n "$url" ]] && break; sleep 0.1; done
api() { curl -s -f -H "Authorization: Bearer $token" -H 'content-type: application/json' -X POST "$url$1" -d "$2"; }
api /api/v1/assessments '{"findings": [{"id": "knees_move_inward"}, {"id": "asymmetric_weight_shift", "side": "left"}], "edition": "c4"}' >/dev/null
api /api/v1/screenings '{"answers": {"varicose_veins": true}}' >/dev/null
# A refer, then a physiotherapist's clearance for it: its own record, never a changed answer.
api /api/v1/screenings '{"answers": {"varicose_veins": true, "osteoporosis": true}}' >/dev/null
cleared=$(api /api/v1/clearances "{\"condition\": \"osteoporosis\", \"date\": \"$(date +%F)\", \"note\": \"Physio: gentle\"}" | jq -r .screening.verdict)
sid=$(api /api/v1/sessions "{\"plan\": $(cat "$work/plan.json"), \"client_id\": \"phone-1\", \"started_at_ms\": 1704092400000}" | jq .id)
api "/api/v1/sessions/$sid/events" '{"events": [{"id": "a1", "t": 0, "type": "start"}, {"id": "a2", "t": 4, "type": "in_position"},
  {"id": "a3", "t": 15, "type": "found", "tenderness": 5}, {"id": "a4", "t": 50, "type": "eased", "tenderness": 2}]}' >/dev/null
kill -TERM "$server"; wait "$server"
check "the API recorded an assessment and a session with events" test -n "$sid"
check "... and a clearance that lifts the refer" test "$cleared" = caution
u import --free-exercise-db "$fedb" >/dev/null

expect_ok "Wrote $work/x.json: 3 sessions of olive@example.org, 1 assessment" -- --db "$db" export -o "$work/x.json" --csv "$work/h.csv"
check "the export has the event log, the API's session first (2024)" test "$(jq -c '[.sessions[0].events[].id]' "$work/x.json")" = '["a1","a2","a3","a4"]'
check "... the assessment, the screenings, the clearance and the own techniques" \
  test "$(jq -c '[(.assessments | length), (.screenings | length), (.clearances | length), (.user_techniques | length)]' "$work/x.json")" = '[1,2,1,11]'
check "the CSV has a header and one line per hold" test "$(wc -l < "$work/h.csv")" = $((1 + $(jq '[.sessions[].holds[]] | length' "$work/x.json")))
check "... with CRLF line ends" test "$(head -1 "$work/h.csv" | od -An -c | grep -c '\\r')" = 1
check "... its first hold" grep -q '^2026-11-20,2026-11-20T07:00:00Z,calves_roll,left,' "$work/h.csv"

# Round trip into an empty database.
b="$work/b.db"
"$unknot_bin" --db "$b" import "$work/x.json" > "$work/import.out" 2>&1
check "import exits 0" test $? = 0
check "... says the account has no password and how to set one" grep -q "unknot admin reset-password --email olive@example.org" "$work/import.out"
check "... the imported person owns the empty installation" grep -q "admin" "$work/import.out"
"$unknot_bin" --db "$b" export -o "$work/y.json" --csv "$work/h2.csv" >/dev/null
check "export -> import -> export is byte-identical but for the installation fields" cmp -s <(portable "$work/x.json") <(portable "$work/y.json")
differing=$(jq -rn --slurpfile a "$work/x.json" --slurpfile b "$work/y.json" \
  '$a[0] | [paths(scalars)] | map(select(. as $p | ($a[0] | getpath($p)) != ($b[0] | getpath($p)))) | .[] | map(tostring) | join(".")')
check "... the values that differ are the time of export and installation facts (ids, the API token)" \
  test "$(grep -cvE '^exported_unix_ms$|(^|\.)installation\.' <<<"$differing")" = 0
check "... such as the session ids, which follow the order of import" grep -q '^sessions.0.installation.id$' <<<"$differing"
check "the holds CSV is byte-identical too" cmp -s "$work/h.csv" "$work/h2.csv"
check "the imported account has no password" test "$(sqlite3 "$b" "SELECT password_hash FROM users")" = ""
check "per-session totals were kept" test "$(sqlite3 "$b" "SELECT SUM(hold_count) FROM sessions")" = "$(sqlite3 "$db" "SELECT SUM(hold_count) FROM sessions")"
expect_ok "/#/reset/" -- --db "$b" admin reset-password --email olive@example.org

# Refusals: each says where and what, exits 2, and changes nothing.
refused() {  # refused DB "text" FILE [--free-exercise-db]
  local target="$1" text="$2" file="$3" before
  before=$(dump "$target")
  expect_fail 2 "$text" -- --db "$target" import "${@:4}" "$file"
  check "database unchanged after: $text" test "$(dump "$target")" = "$before"
}
c="$work/c.db"
"$unknot_bin" --db "$c" admin users >/dev/null
mutated() { jq "$1" "$work/x.json" > "$work/bad.json"; }
printf '{\n  "format": "unknot-export",\n  "version": 1,,\n}\n' > "$work/broken.json"
refused "$c" "broken.json:3:16: invalid JSON" "$work/broken.json"
mutated '.format = "other-app"'; refused "$c" 'bad.json: format: this is not an unknot export' "$work/bad.json"
mutated '.version = 2'; refused "$c" "bad.json: version: unsupported version 2; this unknot reads version 1 only" "$work/bad.json"
truncate -s 65M "$work/big.json"
refused "$c" "big.json: the file is 65 MiB; files over 64 MiB are refused" "$work/big.json"
mutated '.sessions[2].client_id = "phone-1"'
refused "$c" 'bad.json: sessions[2].client_id: `phone-1` is also the client_id of sessions[0]' "$work/bad.json"
mutated '.sessions[0].events[3].id = "a2"'
refused "$c" 'bad.json: sessions[0].events[3].id: `a2` is also the id of sessions[0].events[1]: event ids must be unique within a session' "$work/bad.json"
mutated '.sessions[1].holds[0].tenderness_start = 11'
refused "$c" "bad.json: sessions[1].holds[0].tenderness_start: must be from 0 to 10, got 11" "$work/bad.json"
mutated '.sessions[1].holds[0] += {"colour": "red"}'
refused "$c" "bad.json: sessions[1].holds[0].colour: unknown field" "$work/bad.json"
mutated '.sessions[0].plan.phases[0].items[0].id = "nose_roll"'
refused "$c" "bad.json: sessions[0].plan.phases[0].items[0].id: unknown technique" "$work/bad.json"
mutated '.user_techniques[3].id = .user_techniques[2].id'
refused "$c" "bad.json: user_techniques[3].id" "$work/bad.json"
# A clearance is checked as it was when recorded, like the API checks a new one.
mutated '.clearances[0].condition = "osteoporsis"'
refused "$c" 'bad.json: clearances[0].condition: unknown condition `osteoporsis` (did you mean: osteoporosis?)' "$work/bad.json"
mutated '.clearances[0].condition = "varicose_veins"'
refused "$c" "bad.json: clearances[0].condition: \`varicose_veins\` is not a refer in the latest screening" "$work/bad.json"
mutated '.clearances[0].date = "2999-01-01"'
refused "$c" "bad.json: clearances[0].date: is in the future" "$work/bad.json"
mutated '.clearances[0].date = "2000-01-01"'
refused "$c" "bad.json: clearances[0].date: is more than 365 days ago" "$work/bad.json"
mutated '.clearances[0].note = ("x" * 501)'
refused "$c" "bad.json: clearances[0].note: at most 500 characters" "$work/bad.json"
mutated '.clearances[0].created_unix_ms = 0'
refused "$c" "bad.json: clearances[0].condition: no screening in this file was recorded before this clearance" "$work/bad.json"
mutated 'del(.clearances)'
"$unknot_bin" --db "$work/old.db" import "$work/bad.json" >/dev/null 2>&1
check "an export from before clearances existed still imports" test $? = 0
refused "$b" "x.json: user.email: an account with the email olive@example.org already exists" "$work/x.json"
refused "$c" "cannot open the file" "$work/missing.json"
refused "$c" "is a folder" "$work"
check "nothing was created by the refusals" test "$(sqlite3 "$c" "SELECT COUNT(*) FROM users")" = 0
expect_fail 2 "name a file" -- --db "$c" import

# free-exercise-db: the foam-roll entries, mapped by data/mappings/free-exercise-db.rec.
d="$work/d.db"
printf 'owner passphrase 1\n' | "$unknot_bin" --db "$d" admin create-user --password-stdin --email olive@example.org --name "Olive Owner" >/dev/null
printf 'coach passphrase 1\n' | "$unknot_bin" --db "$d" admin create-user --password-stdin --email tess@example.org --name "Tess" --role trainer >/dev/null
"$unknot_bin" --db "$d" --user tess@example.org import --free-exercise-db "$fedb" > "$work/fedb1.out"
check "import --free-exercise-db exits 0" test $? = 0
check "... imports the 11 foam-roll entries for the --user" grep -q "Imported 11 foam-roll exercises from .* as techniques of tess@example.org (4 other entries" "$work/fedb1.out"
check "... reports the muscle name it could not map" grep -q "Brachialis-SMR: biceps" "$work/fedb1.out"
check "... and says unknot never rolls the lower back" grep -q "Lower_Back-SMR .*never rolls the lower back" "$work/fedb1.out"
"$unknot_bin" --db "$d" --user tess@example.org techniques --mine --json > "$work/mine.json"
muscles() { jq -c --arg id "$1" '.[] | select(.id == $id) | .muscles' "$work/mine.json"; }
check "Calves-SMR -> gastrocnemius, soleus" test "$(muscles Calves-SMR)" = '["gastrocnemius","soleus"]'
check "Peroneals-SMR (tagged calves) -> peroneals" test "$(muscles Peroneals-SMR)" = '["peroneals"]'
check "Piriformis-SMR (tagged glutes) -> piriformis" test "$(muscles Piriformis-SMR)" = '["piriformis"]'
check "Iliotibial_Tract-SMR (tagged abductors) -> IT band, TFL" test "$(muscles Iliotibial_Tract-SMR)" = '["iliotibial_band","tensor_fasciae_latae"]'
check "Adductor -> adductor complex" test "$(muscles Adductor)" = '["adductor_complex"]'
check "Brachialis-SMR keeps biceps as unmapped" test "$(jq -c '.[] | select(.id == "Brachialis-SMR") | [.muscles, .details.unmapped]' "$work/mine.json")" = '[[],["biceps"]]'
check "the instructions come along" test "$(jq '.[] | select(.id == "Calves-SMR") | .details.instructions | length' "$work/mine.json")" -ge 2
check "every imported technique says where it came from" test "$(jq '[.[] | select(.source == "free-exercise-db")] | length' "$work/mine.json")" = 11
check "only the --user's" test "$("$unknot_bin" --db "$d" techniques --mine --json | jq length)" = 0
expect_ok "Calves-SMR" -- --db "$d" --user tess@example.org techniques --mine
before=$(sqlite3 "$d" "SELECT * FROM user_techniques ORDER BY user_id, id")
"$unknot_bin" --db "$d" --user tess@example.org import --free-exercise-db "$fedb" > "$work/fedb2.out"
check "importing twice leaves the same rows" test "$(sqlite3 "$d" "SELECT * FROM user_techniques ORDER BY user_id, id")" = "$before"
check "... and reports the same" cmp -s "$work/fedb1.out" "$work/fedb2.out"
printf '{"exercises": []}' > "$work/obj.json"
refused "$d" "obj.json: (top level): expected a list, got an object" "$work/obj.json" --free-exercise-db
jq '.[3] |= del(.id)' "$fedb" > "$work/noid.json"
refused "$d" "noid.json: [3].id: missing" "$work/noid.json" --free-exercise-db
jq '.[5].primaryMuscles = "calves"' "$fedb" > "$work/types.json"
refused "$d" "types.json: [5].primaryMuscles: expected a list, got a string" "$work/types.json" --free-exercise-db
finish
