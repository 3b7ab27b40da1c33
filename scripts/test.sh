#!/usr/bin/env bash
# `npm test`: everything CI checks, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
echo "== lint and format"; npx biome check .
echo "== unit and proxy tests"; npx vitest run
echo "== end-to-end tests"; node scripts/ensure-chromium.mjs; npx playwright test
