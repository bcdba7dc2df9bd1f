#!/usr/bin/env bash
# wrk at 64 connections on loopback against one release server: POST /plans, durable
# POST /sessions/{id}/events and an authenticated GET /progress, each as a ratio of GET /healthz
# measured in the same run. With UNKNOT_BENCH_PG (a PostgreSQL URL), also the events on
# PostgreSQL at --threads 2 against --threads 1.
# Goals: plans >= 0.7 x healthz with p99 < 5 ms; events >= 0.5 x healthz with p99 < 15 ms;
# progress >= 0.5 x healthz; PostgreSQL events at 2 threads >= 1.5 x 1 thread.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${UNKNOT_BIN:-$root/build/release/src/unknot}"  # another build to compare against
duration="${1:-10s}"
work="$(mktemp -d)"
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

# serve SERVE-ARGS... : starts a server on the store in $store, sets url and pid.
serve() {
  ${UNKNOT_PRELOAD:+env LD_PRELOAD=$UNKNOT_PRELOAD} "$bin" "${store[@]}" serve --port 0 "$@" > "$work/out.log" 2>/dev/null &
  pid=$!
  url=""
  for _ in $(seq 1 100); do url=$(grep -o 'http://[0-9.:]*' "$work/out.log" | head -1 || true); [[ -n "$url" ]] && break; sleep 0.1; done
  [[ -n "$url" ]] || { echo "bench: server did not start"; exit 1; }
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
# An account with a personal API token, as a script would use (accounts are always on).
account() {
  echo "bench passphrase 1234" | "$bin" "${store[@]}" admin create-user --email bench@example.org --name Bench --password-stdin >/dev/null
  token=$("$bin" "${store[@]}" admin token --email bench@example.org --name wrk)
  export UNKNOT_BENCH_TOKEN="$token"
}
# 64 started sessions for the events script to append to.
sessions() {
  local auth=(-H "Authorization: Bearer $token" -H 'content-type: application/json') plan i
  plan=$(curl -sf "${auth[@]}" -d '{"targets": ["calf"], "minutes": 10}' "$url/api/v1/plans")
  for i in $(seq 1 64); do
    curl -sf -o /dev/null "${auth[@]}" -d "{\"plan\": $plan}" "$url/api/v1/sessions"
    curl -sf -o /dev/null "${auth[@]}" -d '{"events": [{"id": "s", "t": 0, "type": "start"}]}' "$url/api/v1/sessions/$i/events"
  done
}
run() {  # name, wrk args... -> "rps p99_ms"
  local name="$1"; shift
  wrk -t2 -c64 -d"$duration" --latency "$@" > "$work/$name.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$work/$name.txt")
  echo "$rps $p99"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

store=(--db "$work/bench.db")
account
serve
sessions
read -r h_rps h_p99 < <(run healthz "$url/healthz")
read -r p_rps p_p99 < <(run plans -s "$root/bench/plans.lua" "$url/api/v1/plans")
read -r e_rps e_p99 < <(UNKNOT_BENCH_SESSIONS=64 run events -s "$root/bench/events.lua" "$url")
read -r g_rps g_p99 < <(run progress -H "Authorization: Bearer $token" "$url/api/v1/progress")
stop
printf 'GET  /healthz                 %9.0f req/s  p99 %6.2f ms  (baseline)\n' "$h_rps" "$h_p99"
printf 'POST /api/v1/plans            %9.0f req/s  p99 %6.2f ms  ratio %s (goal >= 0.7, p99 < 5 ms)\n' "$p_rps" "$p_p99" "$(ratio "$p_rps" "$h_rps")"
printf 'POST /sessions/{id}/events    %9.0f req/s  p99 %6.2f ms  ratio %s (goal >= 0.5, p99 < 15 ms, durable)\n' "$e_rps" "$e_p99" "$(ratio "$e_rps" "$h_rps")"
printf 'GET  /api/v1/progress (auth)  %9.0f req/s  p99 %6.2f ms  ratio %s (goal >= 0.5)\n' "$g_rps" "$g_p99" "$(ratio "$g_rps" "$h_rps")"
stored=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM session_events WHERE client_id <> 's'")
echo "events stored durably: $stored"
ok=$(awk -v p="$(ratio "$p_rps" "$h_rps")" -v pl="$p_p99" -v e="$(ratio "$e_rps" "$h_rps")" -v el="$e_p99" -v g="$(ratio "$g_rps" "$h_rps")" \
  'BEGIN { print (p >= 0.7 && pl < 5 && e >= 0.5 && el < 15 && g >= 0.5) ? 1 : 0 }')

if [[ -n "${UNKNOT_BENCH_PG:-}" ]]; then
  store=(--database-url "$UNKNOT_BENCH_PG")
  account
  rates=()
  for threads in 1 2; do
    serve --threads "$threads"
    [[ $threads == 1 ]] && sessions
    read -r rps p99 < <(UNKNOT_BENCH_SESSIONS=64 run "pg$threads" -s "$root/bench/events.lua" "$url")
    stop
    rates+=("$rps")
    printf 'PostgreSQL events, --threads %d %7.0f req/s  p99 %6.2f ms\n' "$threads" "$rps" "$p99"
  done
  printf 'PostgreSQL events: 2 threads / 1 thread = %s (goal >= 1.5)\n' "$(ratio "${rates[1]}" "${rates[0]}")"
  awk -v r="$(ratio "${rates[1]}" "${rates[0]}")" 'BEGIN { exit !(r >= 1.5) }' || ok=0
fi
[[ $ok == 1 ]] || { echo "bench: an HTTP goal was missed"; exit 1; }
