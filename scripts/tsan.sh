#!/usr/bin/env bash
# The server and store tests under ThreadSanitizer, on SQLite and on the throwaway PostgreSQL
# (scripts/postgres.sh). Any report fails the run, and so does a run with no PostgreSQL test. AccessMatrix.EveryRouteEveryRoleEveryTenant is left out:
# it sends one request at a time from one thread (nothing for TSan to find) and takes ~6 minutes
# under TSan; it runs under ASan in the main suite. Set UNKNOT_TSAN_ALL=1 to include it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$(nproc)"
suites=(AccessLog AccessMatrix Csrf Login Signup Tokens Invites PasswordReset Setup DataRights
        Assignments Passwords LoginThrottleRule SignupThrottleRule Policy ApiConcurrency ClearanceApi
        GuestApi HostCheck Printouts CalendarFeed Framing PostgresUrl OpenStore SqliteStore 'Backends/')
filter=$(printf '%s*:' "${suites[@]}")
filter="${filter%:}"
[[ "${UNKNOT_TSAN_ALL:-0}" == 1 ]] || filter+="-AccessMatrix.EveryRouteEveryRoleEveryTenant"
export TSAN_OPTIONS="suppressions=$root/tests/tsan/suppressions.txt halt_on_error=0 exitcode=66 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
export UNKNOT_TEST_DATABASE_URL="$(bash scripts/postgres.sh start)"
log=build/tsan/tsan.log
set +e
build/tsan/tests/unknot_tests --gtest_filter="$filter" >"$log" 2>&1
rc=$?
set -e
reports=$(grep -c 'WARNING: ThreadSanitizer' "$log" || true)
on_pg=$(grep -cE '^\[       OK \] .*/postgres' "$log" || true)
grep -E '^\[  (PASSED|FAILED)  \]' "$log" || true
echo "tsan: $reports reports, $on_pg PostgreSQL tests, exit $rc (log: $log)"
if [[ $rc -ne 0 || $reports -ne 0 || $on_pg -eq 0 ]]; then
  grep -A30 -m3 'WARNING: ThreadSanitizer' "$log" || tail -40 "$log"
  exit 1
fi
