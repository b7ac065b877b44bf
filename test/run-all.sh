#!/usr/bin/env bash
# `npm test`: everything, from a fresh clone. Installs what it needs (npm packages here;
# Node 24, code-server and Debian's Chromium through test/e2e/provision.ts), then runs
# type check, lint, unit tests, packaging checks and the end-to-end suite in code-server.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "npm dependencies"; bash test/ensure-deps.sh

step "type check";  npm run --silent typecheck
step "lint";        npm run --silent lint
step "unit tests";  npm run --silent test:unit
# `vsix`, not `package`: package would run the type check and lint above a second time.
step "package";     npm run --silent vsix
step "vsix contents"
npx tsx test/checkVsix.ts
if [ "${SKIP_E2E:-}" = "1" ]; then
  echo "SKIP_E2E=1: end-to-end suite skipped"
else
  step "end-to-end (code-server)"; npx tsx test/e2e/run.ts
fi
