#!/usr/bin/env bash
# Starts a real `unknot serve` on a free port with a fresh database (no accounts: the suite creates
# the owner first), runs the API suite against it, then stops it with SIGTERM and checks it shut
# down cleanly, logged no 5xx, and that no health data and no secret reached its logs.
set -uo pipefail
unknot_bin="$1"
root="$2"
work="$(mktemp -d)"
trap 'kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cd "$root/tests/api"
[[ -d node_modules ]] || { echo "tests/api/node_modules missing: run scripts/bootstrap.sh"; exit 1; }
"$unknot_bin" --db "$work/api.db" serve --port 0 --signups-per-hour 1000 > "$work/out.log" 2> "$work/access.log" &
pid=$!
for _ in $(seq 1 100); do
  url=$(grep -o 'http://[0-9.:]*' "$work/out.log" | head -1)
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "${url:-}" ]] || { echo "server did not start"; cat "$work/out.log" "$work/access.log"; exit 1; }
# The suite writes every secret it sees (cookies, CSRF values, tokens, passwords) here.
UNKNOT_URL="$url" UNKNOT_SECRETS_FILE="$work/secrets.txt" node --test --test-reporter=spec api.test.mjs
rc=$?
kill -TERM "$pid"
wait "$pid"
server_rc=$?
fails=0
[[ $server_rc -eq 0 ]] || { echo "server exited with $server_rc after SIGTERM"; fails=1; }
grep -q "unknot stopped" "$work/out.log" || { echo "no graceful stop message"; fails=1; }
if grep -q '"status":5' "$work/access.log"; then echo "the access log shows a 5xx:"; grep '"status":5' "$work/access.log"; fails=1; fi
# No health data in the log: no bodies, no query strings, no answers.
if grep -qiE 'tenderness|varicose|answers|targets' "$work/access.log"; then echo "health data leaked into the access log"; fails=1; fi
# No secrets either: route patterns only (never /api/v1/invites/TOKEN), no cookies, tokens, passwords.
node access_log.mjs "$work/access.log" "$work/out.log" "$work/secrets.txt" || { echo "the logs leak secrets or concrete paths"; fails=1; }
echo "access log: $(wc -l < "$work/access.log") lines, all routes and statuses only"
[[ $rc -eq 0 && $fails -eq 0 ]]
