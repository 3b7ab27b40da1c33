#!/usr/bin/env bash
# `npm test`: everything CI checks, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
echo "== lint and format"; npx biome check .
echo "== unit and proxy tests"; npx vitest run
echo "== end-to-end tests"; node scripts/ensure-browser.mjs chromium; npx playwright test
# Playwright's web server has just built dist/, which the Firefox smoke test serves.
echo "== Firefox smoke test"; node scripts/ensure-browser.mjs firefox; npx tsx --test e2e/firefox/*.firefox.ts
