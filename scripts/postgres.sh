#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: its own cluster in /tmp, on 127.0.0.1 only, on a port
# no packaged cluster uses, trusting loopback (nothing of value lives in it).
#   postgres.sh start   start it (or reuse the running one), create unknot_test, print the URL
#   postgres.sh url     print the URL
#   postgres.sh stop    stop it and delete its files
# UNKNOT_PG_PORT and UNKNOT_PG_DIR override the port (55432) and the directory.
set -euo pipefail

port="${UNKNOT_PG_PORT:-55432}"
dir="$(realpath -m "${UNKNOT_PG_DIR:-/tmp/unknot-postgres-$port}")"
data="$dir/data"
db=unknot_test
url="postgresql://postgres@127.0.0.1:$port/$db"

bin=""
for v in 15 16 17 14 13; do
  if [[ -x /usr/lib/postgresql/$v/bin/pg_ctl ]]; then bin=/usr/lib/postgresql/$v/bin; break; fi
done
if [[ -z "$bin" ]]; then
  echo "postgres.sh: no PostgreSQL server found under /usr/lib/postgresql; run scripts/bootstrap.sh" >&2
  exit 1
fi

# PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to the
# postgres user the Debian package created.
as_owner=()
owner="$(id -un)"
if [[ $(id -u) -eq 0 ]]; then
  owner=postgres
  as_owner=(runuser -u postgres --)
fi

# The postgres user may not be allowed into the caller's directory (/root); its tools complain.
cd /

running() { "${as_owner[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }
accepting() { "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; }
psql_admin() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -tA "$@"; }

start() {
  mkdir -p "$dir"
  chown "$owner" "$dir"
  # Two test runs starting it at once must not both run initdb.
  exec 9>"$dir/.lock"
  flock 9
  # A server still starting up, or one whose postmaster was just killed, counts as running for a
  # moment without accepting connections: wait until it is one or the other.
  for _ in $(seq 1 50); do
    if ! running || accepting; then break; fi
    sleep 0.2
  done
  if ! running; then
    if [[ ! -f "$data/PG_VERSION" ]]; then
      rm -rf "$data"
      "${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        echo "postgres.sh: initdb failed (log above)" >&2
        exit 1
      }
      {
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $port"
        echo "unix_socket_directories = '$dir'"
        echo "max_connections = 200"
      } >>"$data/postgresql.conf"
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "postgres.sh: port $port is taken by another program, not by the cluster in $data;" \
        "stop it or set UNKNOT_PG_PORT" >&2
      exit 1
    fi
    # -w waits until it accepts connections; a stale postmaster.pid from a killed run is
    # detected and replaced by pg_ctl itself. 9>&-: the server must not inherit (and so hold
    # forever) the lock.
    "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >"$dir/pg_ctl.log" 2>&1 9>&- || {
      cat "$dir/pg_ctl.log" >&2 || true
      tail -n 20 "$dir/server.log" >&2 || true
      echo "postgres.sh: the server did not start (log: $dir/server.log)" >&2
      exit 1
    }
  fi
  if ! accepting; then
    echo "postgres.sh: the server in $data runs but refuses connections (log: $dir/server.log);" \
      "try: $0 stop" >&2
    exit 1
  fi
  # Every test makes and drops a schema, and a commit that changes the catalog waits ~100 ms for
  # fsync on slow disks. A throwaway cluster need not survive a power cut (a killed server still
  # loses nothing), so it does not sync; this also keeps timings about the code, not the disk.
  if [[ "$(psql_admin -c "SHOW fsync")" != off ]]; then
    psql_admin -c "ALTER SYSTEM SET fsync = off" -c "ALTER SYSTEM SET synchronous_commit = off" \
      -c "ALTER SYSTEM SET full_page_writes = off" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]]; then
    psql_admin -c "CREATE DATABASE $db" >/dev/null
  fi
  echo "$url"
}

stop() {
  [[ -d "$data" ]] && running && "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$url" ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
