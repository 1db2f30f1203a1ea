#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis are reachable for Loa, in this order of preference:
#   1. already running (as on the dev and CI machines): use them;
#   2. a Docker engine answers: `docker compose -f docker/compose.yml up -d`;
#   3. otherwise install and start Debian's packages (root, apt) with trust auth on loopback.
# Then creates the main database if it is missing. Idempotent; safe to run before every start or test.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_URL="${LOA_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/loa}"
REDIS_URL="${LOA_REDIS_URL:-redis://127.0.0.1:6379}"
pg_hostport=$(node -e 'const u=new URL(process.argv[1]);console.log(`${u.hostname} ${u.port||5432}`)' "$PG_URL")
redis_hostport=$(node -e 'const u=new URL(process.argv[1]);console.log(`${u.hostname} ${u.port||6379}`)' "$REDIS_URL")

open_port() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_port() {
  for _ in $(seq 1 60); do open_port "$1" "$2" && return 0; sleep 1; done
  echo "services: $3 did not come up on $1:$2" >&2
  return 1
}

need_pg=0; need_redis=0
open_port $pg_hostport || need_pg=1
open_port $redis_hostport || need_redis=1

if [ $need_pg = 1 ] || [ $need_redis = 1 ]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    echo "services: starting PostgreSQL/Redis with Docker Compose"
    docker compose -f docker/compose.yml up -d
  else
    echo "services: no Docker engine; using the system's packages"
    if [ $need_pg = 1 ]; then
      if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        ver=$(ls /etc/postgresql | sort -n | tail -n1)
        # Development machine only: trust connections from loopback, as the dev and CI machines do.
        sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "/etc/postgresql/$ver/main/pg_hba.conf"
      fi
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -n | tail -n1)" main start || true
    fi
    if [ $need_redis = 1 ]; then
      command -v redis-server >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }
      mkdir -p /var/lib/redis /var/log/redis
      redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "${redis_hostport#* }" --save "" --appendonly no \
        --dir /var/lib/redis --logfile /var/log/redis/loa.log
    fi
  fi
  wait_port $pg_hostport PostgreSQL
  wait_port $redis_hostport Redis
fi

# The main database (tests create their own).
node -e '
const { Client } = require("pg");
const url = new URL(process.argv[1]); const db = url.pathname.slice(1); url.pathname = "/postgres";
(async () => {
  for (let i = 0; i < 30; i++) {
    const c = new Client({ connectionString: url.toString() });
    try {
      await c.connect();
      const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [db]);
      if (!r.rowCount) { await c.query(`CREATE DATABASE "${db}"`); console.log(`services: created database ${db}`); }
      await c.end(); return;
    } catch (e) { await c.end().catch(() => {}); if (i === 29) throw e; await new Promise(r => setTimeout(r, 1000)); }
  }
})().catch(e => { console.error("services: PostgreSQL refused: " + e.message); process.exit(1); });
' "$PG_URL"
echo "services: PostgreSQL and Redis ready"
