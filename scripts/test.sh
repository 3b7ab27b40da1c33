#!/usr/bin/env bash
# `npm test`: everything CI checks, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
echo "== lint and format"; npx biome check .
# The proxy tests run a second time on Postgres, and the scale scenarios need it: a throw-away
# cluster (Debian's postgresql, installed here when missing) lives as long as this script.
echo "== test Postgres"
eval "$(bash scripts/test-postgres.sh start)"
trap 'bash scripts/test-postgres.sh stop "$TEST_POSTGRES_DIR"' EXIT
echo "== unit and proxy tests (SQLite and Postgres)"; npx vitest run
echo "== end-to-end tests"; node scripts/ensure-browser.mjs chromium; npx playwright test
# Playwright's web server has just built dist/, which the Firefox smoke test serves.
echo "== Firefox smoke test"; node scripts/ensure-browser.mjs firefox; npx tsx --test e2e/firefox/*.firefox.ts
