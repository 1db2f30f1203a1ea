#!/usr/bin/env bash
# Before `npm test`: PostgreSQL and Redis up (scripts/services.sh), and Debian's Chromium for the dashboard's
# browser test (installed once with apt when missing and we are root; otherwise that one test says it is skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/check-node.js
bash scripts/services.sh
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-prereqs: installing Debian's chromium for the dashboard test"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
      echo "test-prereqs: could not install chromium; the dashboard browser test will be skipped" >&2
  else
    echo "test-prereqs: /usr/bin/chromium missing and cannot install it; the dashboard browser test will be skipped" >&2
  fi
fi
