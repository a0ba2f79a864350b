#!/usr/bin/env bash
# `npm test`: every check, in order, failing fast. The last line is `N passed, 0 failed` on success.
# SKIP_E2E=1 skips the browser tests (local use only).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1

passed=0
summary=()

now_ms() { date +%s%3N; }
fmt_ms() { printf '%d.%01ds' "$(($1 / 1000))" "$((($1 % 1000) / 100))"; }

print_summary() {
  echo
  echo "── summary ──────────────────────────────────────────"
  local line
  for line in "${summary[@]}"; do echo "$line"; done
}

step() {
  local name="$1"
  shift
  echo
  echo "══ ${name}: $* ══"
  local start rc=0 took
  start="$(now_ms)"
  "$@" || rc=$?
  took="$(fmt_ms $(($(now_ms) - start)))"
  if [ "$rc" -ne 0 ]; then
    summary+=("$(printf '  %-10s FAILED  %8s  (exit %d)' "$name" "$took" "$rc")")
    print_summary
    echo
    echo "Step '${name}' failed (exit ${rc}): $*"
    echo "${passed} passed, 1 failed"
    exit "$rc"
  fi
  passed=$((passed + 1))
  summary+=("$(printf '  %-10s passed  %8s' "$name" "$took")")
}

step typecheck npx tsc --noEmit
step lint npx eslint . --max-warnings 0
step unit npx vitest run
# Exported projects really build, pass their tests and start (TypeScript and Python services, SQL
# migrations on a throwaway PostgreSQL, the e-commerce run over RabbitMQ). Needs Debian packages.
step servers bash scripts/ensure-servers.sh
step generated npx vitest run -c vitest.generated.config.mts --passWithNoTests
step build npm run build
if [ "${SKIP_E2E:-}" = "1" ] && [ -n "${CI:-}" ]; then
  echo
  echo "SKIP_E2E=1 is ignored on CI: the browser tests always run there."
fi
if [ "${SKIP_E2E:-}" = "1" ] && [ -z "${CI:-}" ]; then
  echo
  echo "══ e2e: skipped (SKIP_E2E=1) ══"
  summary+=("$(printf '  %-10s skipped (SKIP_E2E=1)' e2e)")
else
  step e2e bash scripts/e2e.sh
fi

print_summary
echo
echo "${passed} passed, 0 failed"
