#!/usr/bin/env bash
# The main job on any machine: services up, build, migrate, demo data, a first admin key, then simulators + worker +
# api, and a closing "ready" block with the URLs and that key (scripts/run-all.js).
# Environment: LOA_SEED_DEMO=false skips the demo data; LOA_SIMULATORS=false does not start the simulators
# (point the gateways at real endpoints with LOA_CONFIG_FILE instead). See docs/configuration.md.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/check-node.js
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/services.sh
# Build unless dist/ is newer than every source (a restart then takes seconds).
if [ ! -f dist/apps/api/src/main.js ] ||
  [ -n "$(find apps libs config tsconfig.json tsconfig.build.json -newer dist/apps/api/src/main.js \
    \( -name '*.ts' -o -name '*.tsx' -o -name '*.json' \) ! -name '*.spec.ts' -print -quit)" ]; then
  npm run --silent build
fi
# The console's static files (vite), when a build of the api alone left them out.
[ -f dist/console/index.html ] || npm run --silent build:console
node dist/apps/cli/src/main.js migrate
if [ "${LOA_SEED_DEMO:-true}" != "false" ]; then
  node dist/apps/cli/src/main.js seed-demo || echo "start: demo seed failed (continuing)" >&2
fi
key_out=$(node dist/apps/cli/src/main.js create-key --name "first admin" --role admin --if-none)
echo "$key_out"
LOA_START_ADMIN_KEY=$(printf '%s\n' "$key_out" | grep -E '^loa_[A-Za-z0-9_-]+$' | tail -n1 || true)
export LOA_START_ADMIN_KEY
exec node scripts/run-all.js
