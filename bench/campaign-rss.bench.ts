/**
 * A whole campaign, end to end, as production runs it: the api and a worker as separate processes, the gateway
 * simulators (uncapped) in this process. N subscribers, one SMS campaign created and scheduled over HTTP, until
 * every delivery is final. Reports each process's peak RSS (VmHWM), fan-out time and end-to-end messages/s.
 *
 * `node dist/bench/campaign-rss.bench.js 1000000` after `npm run build`; also part of `npm run bench`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@loa/core';
import { ApiKeysService } from '@loa/access';
import { DEMO_SMS_REGISTRATIONS, DEMO_SMS_TEMPLATE } from '@loa/templates';
import { pointGatewaysAt, startSimulators } from '../apps/carrier-sim/src';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '../test/support';

const DIST = join(__dirname, '..');
const ROOT = join(DIST, '..');
const mib = (kb: number) => Math.round((kb / 1024) * 10) / 10;

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in KiB, from /proc. */
function memoryOf(pid: number): { peakKb: number; rssKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { peakKb: field('VmHWM'), rssKb: field('VmRSS') };
}

function spawnApp(name: string, main: string, configFile: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LOA_')) env[k] = v;
  Object.assign(env, { LOA_CONFIG_FILE: configFile, NODE_ENV: 'test', LOA_LOG_LEVEL: 'warn' });
  const child = spawn(process.execPath, [join(DIST, main)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  // Never leave an api or worker behind, even when the bench itself is interrupted.
  process.once('exit', () => child.kill('SIGKILL'));
  return child;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function runCampaignRssBench(size: number): Promise<Record<string, number | string>> {
  const apiPort = 20_000 + Math.floor(Math.random() * 20_000);
  const cfg: AppConfig = testConfig(uniqueName('loa_bench'), (c) => {
    c.api.port = apiPort;
    c.api.publicBaseUrl = `http://127.0.0.1:${apiPort}`;
    c.database.poolSize = 10;
    for (const g of c.gateways) g.ratePerSecond = 1_000_000; // uncapped: measure the engine, not the contract
  });
  await createTestDatabase(cfg);
  // The simulators start with the demo reminder registered (it is what this bench sends).
  const sims = await startSimulators({ host: '127.0.0.1', config: cfg });
  pointGatewaysAt(cfg, sims);
  // Templates made through the api carry no VNPT registration yet: VNPT gets the whole text in a one-slot template.
  const configFile = join(tmpdir(), `${cfg.redis.prefix}.config.json`);
  writeFileSync(configFile, JSON.stringify(cfg));
  const sql = await sqlClient(cfg);
  const procs: ChildProcess[] = [];
  try {
    // N subscribers over six carriers and 100 communes, generated inside PostgreSQL.
    await sql.query(
      `INSERT INTO units (code, name, level, path, depth) VALUES ('34', 'Thái Bình', 'province', '/1/', 0)`,
    );
    await sql.query(`
      INSERT INTO units (code, name, level, parent_id, path, depth)
      SELECT 'C' || g, 'Xã ' || g, 'commune', 1, '/1/' || (g + 1) || '/', 1 FROM generate_series(1, 100) g`);
    await sql.query(
      `INSERT INTO subscribers (phone, carrier, unit_id)
       SELECT '84' || p.prefix || lpad(g::text, 7, '0'), p.carrier, 2 + g % 100
         FROM generate_series(1, $1::int) g
         JOIN (VALUES (0, '98', 'viettel'), (1, '91', 'vinaphone'), (2, '90', 'mobifone'), (3, '92', 'vietnamobile'),
                      (4, '99', 'gmobile'), (5, '87', 'itel')) p(k, prefix, carrier) ON p.k = g % 6`,
      [size],
    );
    await sql.query('ANALYZE');
    const secret = 'benchsecretbenchsecretbenchsecret';
    await sql.query(
      `INSERT INTO api_keys (name, prefix, secret_hash, role) VALUES ('bench', 'b0b0b0b0b0b0', $1, 'admin')`,
      [ApiKeysService.hash(secret)],
    );
    const auth = { authorization: 'Bearer loa_b0b0b0b0b0b0_' + secret, 'content-type': 'application/json' };

    procs.push(
      spawnApp('api', 'apps/api/src/main.js', configFile),
      spawnApp('worker', 'apps/worker/src/main.js', configFile),
    );
    const [api, worker] = procs;
    const base = cfg.api.publicBaseUrl;
    await waitFor('the api', async () => (await fetch(`${base}/health`)).ok, 60_000);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}/api/v1${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: number };
    };
    const segment = await post('/segments', { name: 'everyone', filter: {} });
    const template = await post('/templates', { ...DEMO_SMS_TEMPLATE, registrations: DEMO_SMS_REGISTRATIONS });
    const campaign = await post('/campaigns', {
      name: 'bench',
      segmentId: segment.id,
      brandname: 'SO TTTT',
      channels: [{ channel: 'sms', templateId: template.id }],
      runAt: new Date().toISOString(),
      windowStart: '00:00',
      windowEnd: '24:00',
      frequencyCap: 100,
    });
    const t0 = Date.now();
    await post(`/campaigns/${campaign.id}/schedule`, {});

    const peak = { api: 0, worker: 0 };
    const sample = () => {
      for (const [name, p] of [
        ['api', api],
        ['worker', worker],
      ] as const) {
        if (p.pid) peak[name] = Math.max(peak[name], memoryOf(p.pid).peakKb);
      }
    };
    const sampler = setInterval(sample, 500);
    const fannedOut = await waitFor(
      'fan-out',
      async () => {
        const { rows } = await sql.query(`SELECT status, targeted FROM campaign_runs WHERE campaign_id = $1`, [
          campaign.id,
        ]);
        return rows[0] && ['dispatching', 'completed'].includes(rows[0].status) ? Number(rows[0].targeted) : undefined;
      },
      30 * 60_000,
    );
    const tFanout = Date.now();
    await waitFor(
      'every delivery final',
      async () => {
        const { rows } = await sql.query(
          `SELECT count(*) FILTER (WHERE status IN ('pending', 'queued', 'sending'))::int AS open FROM deliveries`,
        );
        return rows[0].open === 0;
      },
      60 * 60_000,
    );
    const tDone = Date.now();
    clearInterval(sampler);
    sample();
    const { rows: counts } = await sql.query(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status`);
    const sent = counts.filter((r) => ['sent', 'delivered'].includes(r.status)).reduce((a, r) => a + r.n, 0);
    const simAccepted = sims.all.reduce((a, s) => a + s.stats().accepted, 0);
    const duplicates = sims.all.reduce(
      (a, s) => a + s.stats().duplicates.requestId + s.stats().duplicates.phoneContent,
      0,
    );
    return {
      recipients: fannedOut,
      sent,
      'simulators accepted': simAccepted,
      'simulator duplicates': duplicates,
      'fan-out s': (tFanout - t0) / 1000,
      'send s': (tDone - tFanout) / 1000,
      'messages/s end to end': Math.round(sent / ((tDone - tFanout) / 1000)),
      'api peak RSS MiB': mib(peak.api),
      'worker peak RSS MiB': mib(peak.worker),
      'bench+simulators peak RSS MiB': Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
    };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
    await sql.end();
    await sims.close();
    await dropTestDatabase(cfg);
  }
}

if (require.main === module) {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));
  const size = Number(process.argv[2] ?? 100_000);
  runCampaignRssBench(size).then(
    (r) => {
      console.table(r);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
