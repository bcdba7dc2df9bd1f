#!/usr/bin/env bash
# The server's durable write path under kill -9: 1,000 event posts from 16 concurrent clients,
# the server killed mid-run, restarted. Every event it acknowledged is stored exactly once,
# sending them all again stores no second copy, and the database passes integrity_check.
source "$2/tests/support/cli_lib.sh"
trap 'kill -9 "${pid:-}" 2>/dev/null; rm -rf "$work"' EXIT
db="$work/srv.db"
echo "durability passphrase 1234" | "$unknot_bin" --db "$db" admin create-user --email d@example.org --name D --password-stdin >/dev/null
token=$("$unknot_bin" --db "$db" admin token --email d@example.org --name test)
serve() {
  "$unknot_bin" --db "$db" serve --port 0 > "$work/out.log" 2>/dev/null &
  pid=$!
  url=""
  for _ in $(seq 1 100); do url=$(grep -o 'http://[0-9.:]*' "$work/out.log" | head -1 || true); [[ -n "$url" ]] && break; sleep 0.1; done
  [[ -n "$url" ]] || { echo "server did not start"; cat "$work/out.log"; exit 1; }
}
serve
auth=(-H "Authorization: Bearer $token" -H 'content-type: application/json')
plan=$(curl -sf "${auth[@]}" -d '{"targets": ["calf"], "minutes": 10}' "$url/api/v1/plans")
for i in $(seq 1 16); do
  curl -sf -o /dev/null "${auth[@]}" -d "{\"plan\": $plan}" "$url/api/v1/sessions"
  curl -sf -o /dev/null "${auth[@]}" -d '{"events": [{"id": "s", "t": 0, "type": "start"}]}' "$url/api/v1/sessions/$i/events"
done
# Killed after a random 300-700 acknowledged events, with the other clients' requests in flight.
kill_after=$((300 + RANDOM % 400))
node "$root/tests/support/post_events.mjs" "$url" "$token" 16 16 1000 "$work/acked.txt" "$pid" "$kill_after" > "$work/post.log" 2>&1
check "the client run finished: $(cat "$work/post.log")" grep -q "server killed" "$work/post.log"
wait "$pid" 2>/dev/null
acked=$(wc -l < "$work/acked.txt")
check "at least $kill_after acknowledged before the kill ($acked)" test "$acked" -ge "$kill_after"
check "integrity ok after the kill" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
sqlite3 "$db" "SELECT client_id FROM session_events WHERE client_id LIKE 'e%'" | sort > "$work/stored.txt"
missing=$(sort "$work/acked.txt" | comm -23 - "$work/stored.txt" | wc -l)
check "every acknowledged event is stored ($missing missing of $acked)" test "$missing" = 0
doubles=$(uniq -d "$work/stored.txt" | wc -l)
check "no event stored twice ($doubles)" test "$doubles" = 0
echo "server durability: killed after $kill_after acknowledged; $acked acknowledged, $missing of them missing, $doubles stored twice"

# Restart and send everything again, as clients whose answers were lost would.
serve
node "$root/tests/support/post_events.mjs" "$url" "$token" 16 16 1000 "$work/acked2.txt" > "$work/post2.log" 2>&1
check "all 1000 acknowledged after the restart: $(cat "$work/post2.log")" test "$(wc -l < "$work/acked2.txt")" = 1000
kill -TERM "$pid"
wait "$pid"
check "exactly 1000 distinct events stored" test "$(sqlite3 "$db" "SELECT COUNT(*), COUNT(DISTINCT session_id || '/' || client_id) FROM session_events WHERE client_id LIKE 'e%'")" = "1000|1000"
check "each session's log numbered 1..n without a gap" test "$(sqlite3 "$db" 'SELECT COUNT(*) FROM (SELECT session_id FROM session_events GROUP BY session_id HAVING MAX(seq) <> COUNT(*))')" = 0
check "integrity ok after the restart" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
finish
