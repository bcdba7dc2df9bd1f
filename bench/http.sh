#!/usr/bin/env bash
# wrk at 64 connections on loopback against one release server: POST /plans and durable
# POST /sessions/{id}/events, each as a ratio of GET /healthz measured in the same run.
# Goals: plans >= 0.6 x healthz with p99 < 5 ms; events >= 0.3 x healthz.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/release/src/unknot"
duration="${1:-10s}"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
# Requests carry a personal API token, as a script would (accounts are always on).
echo "bench passphrase 1234" | "$bin" --db "$work/bench.db" admin create-user --email bench@example.org --name Bench --password-stdin >/dev/null
token=$("$bin" --db "$work/bench.db" admin token --email bench@example.org --name wrk)
export UNKNOT_BENCH_TOKEN="$token"
auth=(-H "Authorization: Bearer $token")
${UNKNOT_PRELOAD:+env LD_PRELOAD=$UNKNOT_PRELOAD} "$bin" --db "$work/bench.db" serve --port 0 > "$work/out.log" 2>/dev/null &
pid=$!
for _ in $(seq 1 100); do url=$(grep -o 'http://[0-9.:]*' "$work/out.log" | head -1 || true); [[ -n "$url" ]] && break; sleep 0.1; done
[[ -n "${url:-}" ]] || { echo "bench: server did not start"; exit 1; }
plan=$(curl -sf "${auth[@]}" -H 'content-type: application/json' -d '{"targets": ["calf"], "minutes": 10}' "$url/api/v1/plans")
for i in $(seq 1 64); do
  curl -sf -o /dev/null "${auth[@]}" -H 'content-type: application/json' -d "{\"plan\": $plan}" "$url/api/v1/sessions"
  curl -sf -o /dev/null "${auth[@]}" -H 'content-type: application/json' -d '{"events": [{"id": "s", "t": 0, "type": "start"}]}' "$url/api/v1/sessions/$i/events"
done
run() {  # name, wrk args... -> "rps p99_ms"
  local name="$1"; shift
  wrk -t2 -c64 -d"$duration" --latency "$@" > "$work/$name.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$work/$name.txt")
  echo "$rps $p99"
}
read -r h_rps h_p99 < <(run healthz "$url/healthz")
read -r p_rps p_p99 < <(run plans -s "$root/bench/plans.lua" "$url/api/v1/plans")
read -r e_rps e_p99 < <(UNKNOT_BENCH_SESSIONS=64 run events -s "$root/bench/events.lua" "$url")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf 'GET  /healthz                 %9.0f req/s  p99 %6.2f ms  (baseline)\n' "$h_rps" "$h_p99"
printf 'POST /api/v1/plans            %9.0f req/s  p99 %6.2f ms  ratio %s (goal >= 0.6, p99 < 5 ms)\n' "$p_rps" "$p_p99" "$(ratio "$p_rps" "$h_rps")"
printf 'POST /sessions/{id}/events    %9.0f req/s  p99 %6.2f ms  ratio %s (goal >= 0.3, durable)\n' "$e_rps" "$e_p99" "$(ratio "$e_rps" "$h_rps")"
stored=$(sqlite3 "$work/bench.db" 'SELECT COUNT(*) FROM session_events')
echo "events stored durably: $stored"
awk -v p="$(ratio "$p_rps" "$h_rps")" -v pl="$p_p99" -v e="$(ratio "$e_rps" "$h_rps")" 'BEGIN { exit !(p >= 0.6 && pl < 5 && e >= 0.3) }' \
  || { echo "bench: an HTTP goal was missed"; exit 1; }
