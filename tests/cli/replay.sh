#!/usr/bin/env bash
# A scripted session: the same engine as the live one, saving each hold; history and progress
# read it back; replays are deterministic.
source "$2/tests/support/cli_lib.sh"
u() { "$unknot_bin" --db "$work/r.db" "$@"; }
printf '%s' '{"targets": ["calf"], "minutes": 15, "tools": ["foam_roller"], "context": "daily"}' > "$work/p.json"
u plan --json --profile "$work/p.json" > "$work/plan.json"

# Calves left: a first spot released early at 15 s (kept, not refused), a second eased at 40 s.
# Calves right: paused for 200 s mid-hold (no time-out), then times out at 90 s of active time.
# Then two stretches per side are skipped or run to completion.
cat > "$work/ev.jsonl" <<'EV'
{"t": 0, "type": "start"}
{"t": 5, "type": "in_position"}
{"t": 20, "type": "found", "tenderness": 7}
{"t": 35, "type": "eased", "tenderness": 4}
{"t": 40, "type": "found", "tenderness": 7}
{"t": 80, "type": "eased", "tenderness": 3}
{"t": 82, "type": "next"}
{"t": 90, "type": "in_position"}
{"t": 100, "type": "found", "tenderness": 6}
{"t": 120, "type": "pause"}
{"t": 320, "type": "resume"}
{"t": 420, "type": "tick"}
{"t": 421, "type": "in_position"}
{"t": 460, "type": "tick"}
{"t": 461, "type": "skip"}
{"t": 462, "type": "skip"}
{"t": 463, "type": "in_position"}
{"t": 500, "type": "next"}
EV
u session --plan "$work/plan.json" --replay "$work/ev.jsonl" --at 2026-11-20T07:00 --json > "$work/out.json"
check "replay exits 0" test $? = 0
check "three holds" test "$(jq '.holds | length' "$work/out.json")" = 3
check "first hold released early after 15 s" test "$(jq -r '.holds[0] | "\(.outcome) \(.hold_s) \(.tenderness_start) \(.tenderness_end)"' "$work/out.json")" = "released_early 15 7 4"
check "second hold eased after 40 s" test "$(jq -r '.holds[1] | "\(.outcome) \(.hold_s) \(.spot) \(.tenderness_start) \(.tenderness_end)"' "$work/out.json")" = "eased 40 2 7 3"
check "third hold timed out at 90 s despite the pause" test "$(jq -r '.holds[2] | "\(.outcome) \(.hold_s) \(.side)"' "$work/out.json")" = "timed_out 90 right"
check "only the late next is refused (the stretch had ended the session)" test "$(jq -c '[.rejected[].line]' "$work/out.json")" = "[18]"
check "switch sides cue" test "$(jq '[.cues[] | select(.id=="switch_sides")] | length' "$work/out.json")" -ge 1
check "90 s cue spoken at 90 s of active hold" test "$(jq '[.cues[] | select(.id=="hold_max_reached")][0].at_ms' "$work/out.json")" = 390000
check "session done" test "$(jq -r .state "$work/out.json")" = done
check "early release cue names the minimum" test "$(jq -r '[.cues[] | select(.id=="hold_released_early")][0].text' "$work/out.json" | grep -c '30 seconds')" = 1

# Deterministic: the same replay gives the same records.
u session --plan "$work/plan.json" --replay "$work/ev.jsonl" --at 2026-11-21T07:00 --json > "$work/out2.json"
check "replay is deterministic" test "$(jq -c '[.holds, .visits, .cues]' "$work/out.json")" = "$(jq -c '[.holds, .visits, .cues]' "$work/out2.json")"

expect_ok "saved hold 2: calves_roll left spot 2, 40 s, tenderness 7 -> 3 (eased)" -- --db "$work/r.db" session --plan "$work/plan.json" --replay "$work/ev.jsonl" --at 2026-11-22T07:00
expect_ok "calves_roll" -- --db "$work/r.db" history
u history --json > "$work/h.json"
check "history has 3 sessions" test "$(jq length "$work/h.json")" = 3
check "history newest first" test "$(jq -r '.[0].date' "$work/h.json")" = 2026-11-22
u progress --json > "$work/pr.json"
check "progress counts the calf muscles" test "$(jq '[.muscles[] | select(.id=="gastrocnemius")][0].sessions' "$work/pr.json")" = 3
check "suggested hold from releases (early releases left out), within 30-90" test "$(jq '[.muscles[] | select(.id=="soleus")][0].suggested_hold_s' "$work/pr.json")" = 40
check "calf region tracked" test "$(jq '[.regions[] | select(.id=="calf")] | length' "$work/pr.json")" = 1
# The learned hold time feeds the next plan.
check "next plan holds 40 s" test "$(u plan --json --profile "$work/p.json" | jq '[.phases[0].items[] | .hold_target_s] | unique | .[0]')" = 40
# A replay that stops early keeps what was done.
head -4 "$work/ev.jsonl" > "$work/short.jsonl"
u session --plan "$work/plan.json" --replay "$work/short.jsonl" --json > "$work/short.json"
check "early end is stopped" test "$(jq -r .state "$work/short.json")" = stopped
check "early end keeps the hold" test "$(jq '.holds | length' "$work/short.json")" = 1
check "integrity ok" test "$(sqlite3 "$work/r.db" 'PRAGMA integrity_check')" = ok
finish
