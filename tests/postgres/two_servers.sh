#!/usr/bin/env bash
# Two `unknot serve` processes against one PostgreSQL, as behind a load balancer: whatever one
# writes the other reads at once — sessions and their event logs (the engine is rebuilt from
# the log, not from a process's memory), logins (a cookie from one works on the other, a logout
# on one ends it on both), and single-use invites (used on one, refused on the other).
#   two_servers.sh UNKNOT_BIN ROOT
set -uo pipefail
bin="$1"
root="$2"
source "$root/tests/support/cli_lib.sh"
work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

base_url=$(bash "$root/scripts/postgres.sh" start) || { echo "FAIL: could not start PostgreSQL"; exit 1; }
db="unknot_two_servers_$$"
pg_root="${base_url%/*}"
psql -X -q -d "$pg_root/postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || { echo "FAIL: createdb"; exit 1; }
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; psql -X -q -d "$pg_root/postgres" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; rm -rf "$work"' EXIT
url="$pg_root/$db"

echo "owner passphrase 1234" | "$bin" --database-url "$url" admin create-user --email owner@example.org --name Owner --password-stdin >/dev/null ||
  { echo "FAIL: create-user on PostgreSQL"; exit 1; }
echo "trainer passphrase 12" | "$bin" --database-url "$url" admin create-user --email trainer@example.org --name Tess --role trainer --password-stdin >/dev/null
token=$("$bin" --database-url "$url" admin token --email owner@example.org --name two-servers)

start_server() {  # name -> sets url_<name>
  "$bin" serve --database-url "$url" --port 0 > "$work/$1.out" 2> "$work/$1.log" &
  pids+=($!)
  local u=""
  for _ in $(seq 1 100); do u=$(grep -o 'http://[0-9.:]*' "$work/$1.out" | head -1); [[ -n "$u" ]] && break; sleep 0.1; done
  [[ -n "$u" ]] || { echo "FAIL: server $1 did not start"; cat "$work/$1.out" "$work/$1.log"; exit 1; }
  printf -v "url_$1" '%s' "$u"
}
start_server a
start_server b
echo "two servers: $url_a and $url_b on $(echo "$url" | sed 's|//[^@]*@|//|')"

api() {  # server method path [json] -> sets $status and $body (no subshell, so both survive)
  local server="$1" method="$2" path="$3" json="${4:-}"
  local args=(-s -o "$work/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token")
  [[ -n "$json" ]] && args+=(-H 'content-type: application/json' -d "$json")
  status=$(curl "${args[@]}" "$server$path")
  body=$(cat "$work/body")
}

api "$url_a" POST /api/v1/plans '{"targets": ["calf"], "minutes": 10, "tools": ["foam_roller"]}'; plan="$body"
check "a plan from server A" test "$status" = 200
api "$url_a" POST /api/v1/sessions "{\"plan\": $plan, \"client_id\": \"two-servers-1\"}"; session=$(jq -r .id <<<"$body")
check "a session started on A" test "$status" = 201
api "$url_a" POST "/api/v1/sessions/$session/events" '{"events": [{"id": "e1", "t": 0, "type": "start"}, {"id": "e2", "t": 5, "type": "in_position"}, {"id": "e3", "t": 20, "type": "found", "tenderness": 6}]}'
check "events written through A" test "$status" = 200
api "$url_b" GET "/api/v1/sessions/$session"; state_b="$body"
check "B reads the session A wrote" test "$status" = 200
check "B sees A's three events" test "$(jq .events <<<"$state_b")" = 3
check "B's engine is where A's is (holding)" test "$(jq -r .state <<<"$state_b")" = holding
api "$url_b" POST "/api/v1/sessions/$session/events" '{"events": [{"id": "e4", "t": 55, "type": "eased", "tenderness": 2}]}'
check "an event written through B" test "$status" = 200
api "$url_a" GET "/api/v1/sessions/$session"; state_a="$body"
check "A rebuilds from the log and sees B's event" test "$(jq .events <<<"$state_a")" = 4
check "A sees the hold B recorded" test "$(jq '.holds | length' <<<"$state_a")" = 1
api "$url_b" POST "/api/v1/sessions/$session/events" '{"events": [{"id": "e3", "t": 20, "type": "found", "tenderness": 6}]}'
check "a resent event through the other server is a duplicate" test "$(jq .duplicates <<<"$body")" = 1
api "$url_b" POST /api/v1/sessions "{\"plan\": $plan, \"client_id\": \"two-servers-1\"}"
check "the same client id on B finds A's session" test "$(jq .id <<<"$body")" = "$session"

# Logins are rows in the database, not process memory.
curl -s -c "$work/jar" -o "$work/login" -H 'content-type: application/json' -d '{"email": "owner@example.org", "password": "owner passphrase 1234"}' "$url_a/api/v1/login"
csrf=$(jq -r .csrf "$work/login")
check "a cookie from A works on B" test "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" "$url_b/api/v1/history")" = 200
curl -s -o /dev/null -b "$work/jar" -X POST -H "X-CSRF-Token: $csrf" "$url_b/api/v1/logout"
check "a logout on B ends the session on A" test "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" "$url_a/api/v1/history")" = 401

# A single-use invite stays single-use across processes.
trainer_token=$("$bin" --database-url "$url" admin token --email trainer@example.org --name invites)
invite=$(curl -s -H "Authorization: Bearer $trainer_token" -X POST "$url_a/api/v1/invites" | jq -r .token)
signup() {  # server email -> status
  curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
    -d "{\"email\": \"$2\", \"name\": \"Client\", \"password\": \"client passphrase 1\", \"invite\": \"$invite\"}" "$1/api/v1/signup"
}
check "an invite made on A is accepted on B" test "$(signup "$url_b" c1@example.org)" = 201
check "the same invite is refused on A" test "$(signup "$url_a" c2@example.org)" = 410

for p in "${pids[@]}"; do kill -TERM "$p"; done
for p in "${pids[@]}"; do wait "$p"; done
check "both servers logged no 5xx" bash -c "! grep -h '\"status\":5' '$work/a.log' '$work/b.log'"
finish
