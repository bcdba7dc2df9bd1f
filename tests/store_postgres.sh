#!/usr/bin/env bash
# The Store contract on PostgreSQL: starts the throwaway server (scripts/postgres.sh), points
# the unit tests at it and runs their PostgreSQL instances. Fails, never skips, when the server
# cannot start or no PostgreSQL test ran.
#   store_postgres.sh UNKNOT_TESTS_BIN ROOT
set -uo pipefail
bin="$1"
root="$2"

url=$(bash "$root/scripts/postgres.sh" start) || { echo "FAIL: could not start PostgreSQL (scripts/postgres.sh start)"; exit 1; }
export UNKNOT_TEST_DATABASE_URL="$url"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

"$bin" --gtest_filter='*/postgres' --gtest_color=no | tee "$out"
rc=${PIPESTATUS[0]}
ran=$(grep -oE '^\[==========\] [0-9]+ tests? from [0-9]+ test suites? ran' "$out" | grep -oE '[0-9]+' | head -1)
if [[ -z "$ran" || "$ran" -eq 0 ]]; then
  echo "FAIL: no PostgreSQL test ran (is UNKNOT_TEST_DATABASE_URL reaching the tests?)"
  exit 1
fi
if [[ $rc -ne 0 ]]; then
  echo "FAIL: $ran PostgreSQL tests ran, some failed (exit $rc)"
  exit 1
fi
echo "store_postgres: $ran PostgreSQL tests passed against $url"
