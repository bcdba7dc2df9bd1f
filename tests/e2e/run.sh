#!/usr/bin/env bash
# The web app in a real browser (Debian's chromium driven by playwright-core) against a real
# `unknot serve` with the app embedded: the whole phone journey with an axe-core scan of every
# screen (light and dark), the offline journey, a trainer's assessment walk-through, the guided
# session from the floor at three sizes, trainer and
# client end to end (owner set-up, invite, screening, assessment, assigned routine rolled on a
# phone, the dashboard), the first minutes of someone new (a guest routine, then an account),
# and the web unit tests incl. the live contract.
# Screenshots are kept under build/<preset>/artifacts/e2e for people to look at.
set -uo pipefail
unknot_bin="$1"
root="$2"
# Absolute: the walks run from web/, so a relative binary path must not move the screenshots there.
artifacts="$(cd "$(dirname "$unknot_bin")/../.." && pwd)/artifacts/e2e"
work="$(mktemp -d)"
trap 'kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT
rm -rf "$artifacts" && mkdir -p "$artifacts"
[[ -x /usr/bin/chromium ]] || { echo "chromium is missing: run scripts/bootstrap.sh"; exit 1; }
[[ -d "$root/web/node_modules" ]] || { echo "web/node_modules is missing: run scripts/bootstrap.sh"; exit 1; }
curl_ok() { curl -sf -o /dev/null "$1"; }
"$unknot_bin" --db "$work/e2e.db" serve --port 0 --signups-per-hour 1000 > "$work/out.log" 2> "$work/access.log" &
pid=$!
for _ in $(seq 1 100); do url=$(grep -o 'http://[0-9.:]*' "$work/out.log" | head -1); [[ -n "$url" ]] && break; sleep 0.1; done
[[ -n "${url:-}" ]] || { echo "server did not start"; cat "$work/out.log"; exit 1; }
grep -q 'id="app"\|<script' <(curl -s "$url/") || { echo "the server has no web app embedded (configure with UNKNOT_BUILD_WEB=ON)"; exit 1; }
cd "$root/web"
fails=0 ran=0
# One walk: counted, so the tally below never goes stale when a walk is added.
step() { ran=$((ran + 1)); "$@" || fails=$((fails + 1)); }
# First, while the server has no accounts: the coaching walk starts with the owner's set-up.
echo "== trainer and client: owner set-up, invite, screening, assessment, routine rolled on a phone, dashboard"
step node test/e2e/coaching.mjs "$url" "$artifacts"
echo "== web unit tests (engine vs C++ golden runs, markdown, offline queue, live API contract)"
step env UNKNOT_API="$url" UNKNOT_BIN="$(realpath "$unknot_bin")" node test/run.mjs
echo "== phone journey + axe-core on every screen, light and dark"
step node test/e2e/shots.mjs "$url" "$artifacts"
echo "== offline journey"
step node test/e2e/offline.mjs "$url" "$artifacts"
echo "== assessment walk: assess, result, four-phase plan, first hold"
step node test/e2e/assess.mjs "$url" "$artifacts"
echo "== the floor session at 360x640, 390x844, 1280x800: controls on screen and uncovered, early release, reload, offline end"
step node test/e2e/floor.mjs "$url" "$artifacts"
echo "== health check as triage: gate, gaps beside their items, refer, clearance (three sizes, light and dark)"
step node test/e2e/triage.mjs "$url" "$artifacts"
echo "== pictures: every library entry its own, the roll animated at its pace, still under reduced motion"
step node test/e2e/pictures.mjs "$url" "$artifacts"
echo "== first minutes: landing, a guest routine, choosing that respects screening, keep it, honest progress, Intl dates"
step node test/e2e/firstrun.mjs "$url" "$artifacts"
kill -TERM "$pid"; wait "$pid"; rc=$?
[[ $rc -eq 0 ]] || { echo "server exit $rc after SIGTERM"; fails=$((fails + 1)); }
if grep -q '"status":5' "$work/access.log"; then echo "5xx in the access log"; grep '"status":5' "$work/access.log" | head; fails=$((fails + 1)); fi
echo "screenshots: $(ls "$artifacts" | grep -vc part) screens in $artifacts"
echo "$((ran - fails)) of $ran walks passed, $fails checks failed"
[[ $fails -eq 0 ]]
