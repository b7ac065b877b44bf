#!/usr/bin/env bash
# Installs what the unit tests need: the npm dependencies (when node_modules is missing or
# older than the lockfile) and openssl, which makes the TLS tests' certificates. The
# end-to-end suite's own needs (git, Chromium, Node 24, code-server) come from
# test/e2e/provision.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for tool in openssl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing: ${missing[*]}. Install them: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
