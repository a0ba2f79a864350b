#!/usr/bin/env bash
# Browser tests: system Chromium + the production build served by `next start` (see playwright.config.ts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-chromium.sh

if [ ! -f .next/BUILD_ID ]; then
  echo "No production build found (.next/BUILD_ID); building it first…"
  npx next build
else
  echo "Using the existing production build ($(cat .next/BUILD_ID)); run 'npm run build' if the code changed."
fi

exec npx playwright test "$@"
