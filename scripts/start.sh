#!/usr/bin/env bash
# The main job on any machine: services up, build, migrate, demo data, then simulators + worker + api.
# Environment: LOA_SEED_DEMO=false skips the demo data; LOA_SIMULATORS=false does not start the simulators
# (point the gateways at real endpoints with LOA_CONFIG_FILE instead). See docs/configuration.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/services.sh
npm run --silent build
node dist/apps/cli/src/main.js migrate
if [ "${LOA_SEED_DEMO:-true}" != "false" ]; then
  node dist/apps/cli/src/main.js seed-demo || echo "start: demo seed failed (continuing)" >&2
fi
node dist/apps/cli/src/main.js create-key --name "first admin" --role admin --if-none
exec node scripts/run-all.js
