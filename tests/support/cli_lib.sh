# Shared by tests/cli/*.sh: run the real binary, check exit codes and messages.
# Usage in a test: source "$root/tests/support/cli_lib.sh"; then `expect_fail 2 "text" -- args...`.
set -uo pipefail
unknot_bin="$1"
root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect_fail CODE "substring of stderr" -- unknot args...
expect_fail() {
  local code="$1" text="$2"
  shift 3
  local out rc
  out="$("$unknot_bin" "$@" 2>&1 >/dev/null)"
  rc=$?
  if [[ $rc -ne $code ]]; then
    bad "unknot $* -> exit $rc, wanted $code; stderr: $out"
  elif [[ "$out" != *"$text"* ]]; then
    bad "unknot $* -> stderr lacks '$text': $out"
  else
    ok
  fi
}

# expect_ok "substring of stdout" -- unknot args...
expect_ok() {
  local text="$1"
  shift 2
  local out rc
  out="$("$unknot_bin" "$@" 2>&1)"
  rc=$?
  if [[ $rc -ne 0 ]]; then
    bad "unknot $* -> exit $rc: $out"
  elif [[ "$out" != *"$text"* ]]; then
    bad "unknot $* -> output lacks '$text': ${out:0:400}"
  else
    ok
  fi
}

# check "description" CONDITION...
check() {
  local what="$1"
  shift
  if "$@"; then ok; else bad "$what"; fi
}

finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 && $passed -gt 0 ]]
}
