#!/usr/bin/env bash
# Accounts from the command line: the owner created on the first run adopts what was recorded
# before; bad input is refused with the field named; passwords come only from stdin; a server
# with no accounts refuses to listen beyond this machine.
source "$2/tests/support/cli_lib.sh"
db="$work/a.db"
u() { "$unknot_bin" --db "$db" "$@"; }

expect_fail 2 "no accounts exist yet" -- --db "$db" serve --bind 0.0.0.0 --port 0
expect_ok "No accounts yet" -- --db "$db" admin users

# A session recorded before any account exists ...
printf '%s' '{"targets": ["calf"], "minutes": 10, "tools": ["foam_roller"]}' > "$work/p.json"
u plan --json --profile "$work/p.json" > "$work/plan.json"
printf '%s\n' '{"t": 0, "type": "start"}' '{"t": 5, "type": "in_position"}' '{"t": 20, "type": "found", "tenderness": 6}' \
  '{"t": 60, "type": "eased", "tenderness": 2}' > "$work/ev.jsonl"
u session --plan "$work/plan.json" --replay "$work/ev.jsonl" >/dev/null

create() { printf '%s\n' "$1" | u admin create-user --password-stdin "${@:2}"; }
check "bad email named" bash -c "printf 'owner passphrase 1\n' | '$unknot_bin' --db '$db' admin create-user --password-stdin --email nope --name X 2>&1 >/dev/null | grep -q -- '--email'"
check "short password refused" bash -c "printf 'short\n' | '$unknot_bin' --db '$db' admin create-user --password-stdin --email o@example.org --name O 2>&1 >/dev/null | grep -q '12 characters'"
check "a common password refused, as over the API" bash -c "printf 'Password123!\n' | '$unknot_bin' --db '$db' admin create-user --password-stdin --email o@example.org --name O 2>&1 >/dev/null | grep -q 'tried first'"
check "the first account must be an admin" bash -c "printf 'owner passphrase 1\n' | '$unknot_bin' --db '$db' admin create-user --password-stdin --email o@example.org --name O --role trainer 2>&1 >/dev/null | grep -q 'must be an admin'"
check "nothing was created by the refusals" bash -c "'$unknot_bin' --db '$db' admin users | grep -q 'No accounts yet'"
out=$(create "owner passphrase 1" --email Owner@Example.org --name "Olive Owner")
check "the owner is created and adopts local data" grep -q "owns this installation" <<<"$out"
check "... and the session recorded before is now the owner's" bash -c "'$unknot_bin' --db '$db' history | grep -q 'calves_roll'"
check "the stored password is an argon2id hash" bash -c "sqlite3 '$db' 'SELECT password_hash FROM users' | grep -q '^\\\$argon2id\\\$'"
check "the password itself is nowhere in the database" bash -c "! grep -q 'owner passphrase 1' '$db'"
rc=0; create "another passphrase" --email owner@example.org --name Again >/dev/null 2>"$work/err" || rc=$?
check "a taken email exits 2" test "$rc" = 2
check "... saying so" grep -q "already exists" "$work/err"
create "trainer passphrase" --email t@example.org --name Tess --role trainer >/dev/null
expect_ok "trainer" -- --db "$db" admin users
expect_ok "/#/reset/" -- --db "$db" admin reset-password --email t@example.org --url http://gym.example:8080/
expect_fail 2 "no account with the email" -- --db "$db" admin reset-password --email nobody@example.org
check "an API token starts with unk_" bash -c "'$unknot_bin' --db '$db' admin token --email t@example.org --name script | grep -q '^unk_'"
expect_fail 2 "--user" -- --db "$db" --user nobody@example.org history
expect_ok "No sessions yet" -- --db "$db" --user t@example.org history
expect_fail 2 "--role" -- --db "$db" admin create-user --email c@example.org --name C --role client --password-stdin

# With an account, the server may listen on all interfaces.
u serve --bind 0.0.0.0 --port 0 > "$work/serve.out" 2>/dev/null &
pid=$!
for _ in $(seq 1 50); do grep -q "serving" "$work/serve.out" && break; sleep 0.1; done
check "with accounts, binding beyond loopback is allowed" grep -q "serving on http://0.0.0.0" "$work/serve.out"
kill -TERM "$pid"; wait "$pid"
finish
