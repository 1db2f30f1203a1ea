/**
 * Dispatch engine benchmark. `node dist/bench/dispatch.bench.js 100000` or through `npm run bench`.
 * The worker runs as its own process (as in production: `dist/apps/worker/src/main.js`); this process holds the
 * simulators and the measuring.
 * 1. Capacity: `size` SMS deliveries end to end (PostgreSQL states, limiter, HTTP to uncapped simulators) beside raw
 *    BullMQ produce+consume of `size` no-op jobs in the same run; ratio; the worker's CPU ms per message.
 * 2. Throttling accuracy at a configured rate: busiest sliding second ÷ rate, utilisation, throttled count.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { AppConfig, QueueName } from '@loa/core';
import { bullConnection, bullPrefix } from '@loa/delivery';
import { pointGatewaysAt, registerAtSimulators, startSimulators } from '../apps/carrier-sim/src';
import {
  backloggedThroughput,
  maxInSlidingWindow,
  SEED_TEMPLATES,
  seedDispatchRun,
} from '../libs/delivery/src/testing/seed-run';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '../test/support';

type BenchResult = Record<string, number | string>;

/** Runs from dist/bench (npm run bench): the built worker is beside it. */
const DIST = join(__dirname, '..');

/** The built worker as a child process with `cfg` (LOA_CONFIG_FILE), like production. */
export function spawnWorker(cfg: AppConfig): ChildProcess {
  const file = join(mkdtempSync(join(tmpdir(), 'loa-bench-')), 'config.json');
  writeFileSync(file, JSON.stringify(cfg));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LOA_')) env[k] = v;
  Object.assign(env, { LOA_CONFIG_FILE: file, NODE_ENV: 'test' });
  const child = spawn(
    process.execPath,
    [
      ...(process.argv.includes('--cpu-prof-worker') ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}/loa-prof`] : []),
      join(DIST, 'apps/worker/src/main.js'),
    ],
    {
      cwd: join(DIST, '..'),
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  return child;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Hands the run to the worker (once it consumes) and resolves when the run is completed. */
export async function dispatchAndWait(cfg: AppConfig, sql: Client, runId: string): Promise<void> {
  const q = new Queue(QueueName.Dispatch, { connection: bullConnection(cfg), prefix: bullPrefix(cfg) });
  while ((await q.getWorkersCount()) === 0) await new Promise((r) => setTimeout(r, 100));
  await q.add('dispatch-run', { runId });
  await q.close();
  for (;;) {
    const { rows } = await sql.query(`SELECT status FROM campaign_runs WHERE id = $1`, [runId]);
    if (rows[0].status === 'completed') break;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM (graceful shutdown) and wait for the worker to exit. */
export async function stopWorker(worker: ChildProcess | undefined): Promise<void> {
  if (!worker || worker.exitCode !== null) return;
  const exited = new Promise((r) => worker.once('exit', r));
  worker.kill('SIGTERM');
  await exited;
}

export async function rawBullMq(cfg: AppConfig, n: number): Promise<number> {
  const opts = { connection: bullConnection(cfg), prefix: bullPrefix(cfg) };
  const q = new Queue('bench-noop', opts);
  let done = 0;
  let resolve: () => void = () => undefined;
  const finished = new Promise<void>((r) => (resolve = r));
  const t0 = performance.now();
  const w = new Worker(
    'bench-noop',
    async () => {
      if (++done === n) resolve();
    },
    { ...opts, concurrency: 50 },
  );
  for (let i = 0; i < n; i += 1000) {
    await q.addBulk(
      Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
        name: 'noop',
        data: { i: i + k },
        opts: { removeOnComplete: true },
      })),
    );
  }
  await finished;
  const rate = n / ((performance.now() - t0) / 1000);
  await w.close();
  await q.obliterate({ force: true }).catch(() => undefined);
  await q.close();
  return rate;
}

/** One phase: a fresh database, simulators and worker; `size` SMS-only deliveries; returns its figures. */
interface PhaseResult {
  seconds: number;
  sent: number;
  throttled: number;
  duplicates: number;
  maxPerSecond: number;
  sustained: number;
  peakAccepted: number;
  /** Worker process CPU seconds per 1,000 messages. */
  cpuPerThousand: number;
}

async function phase(size: number, rate: number | null): Promise<PhaseResult> {
  const sims = await startSimulators({
    overrides: Object.fromEntries(
      (['viettel', 'vnpt', 'esms', 'zalo'] as const).map((n) => [n, { dlr: { enabled: false } }]),
    ),
  });
  const cfg = testConfig(uniqueName('loa_bench'), (c) => {
    pointGatewaysAt(c, sims);
    for (const gw of c.gateways) gw.ratePerSecond = rate ?? 100_000;
    c.database.poolSize = 10;
  });
  for (const s of sims.all) {
    const gw = cfg.gateways.find((g) => g.endpoint.startsWith(s.url))!;
    s.configure({ rate: rate ?? 0, credentials: { oaSecretKey: gw.webhookSecret, ...gw.credentials } });
  }
  registerAtSimulators(sims, cfg, SEED_TEMPLATES);
  await createTestDatabase(cfg);
  const sql = await sqlClient(cfg);
  let worker: ChildProcess | undefined;
  try {
    // All on eSMS when measuring accuracy (one gateway, one rate); spread over the carriers for capacity.
    if (rate !== null) cfg.routes = Object.fromEntries(Object.keys(cfg.routes).map((c) => [c, ['esms']]));
    const run = await seedDispatchRun(sql, { count: size, firstNumber: 1, channels: ['sms'] });
    cfg.log.level = 'error';
    worker = spawnWorker(cfg);
    // Booted: the worker consumes the dispatch queue.
    const q = new Queue(QueueName.Dispatch, { connection: bullConnection(cfg), prefix: bullPrefix(cfg) });
    while ((await q.getWorkersCount()) === 0) await new Promise((r) => setTimeout(r, 100));
    await q.close();
    const cpu0 = cpuSeconds(worker.pid);
    const t0 = performance.now();
    await dispatchAndWait(cfg, sql, run.runId);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(worker.pid) - cpu0;
    const sent: number = (await sql.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'sent'`)).rows[0].n;
    const esms = sims.esms.stats();
    const times = sims.esms
      .messages()
      .map((m) => m.acceptedAt)
      .sort((a, b) => a - b);
    return {
      seconds,
      sent,
      throttled: sims.all.reduce((n, s) => n + s.stats().throttled, 0),
      duplicates: sims.all.reduce((n, s) => n + s.stats().duplicates.requestId, 0),
      maxPerSecond: esms.maxPerSecond,
      sustained: backloggedThroughput(times, times.length),
      peakAccepted: maxInSlidingWindow(times),
      cpuPerThousand: (cpu / Math.max(1, sent)) * 1000,
    };
  } finally {
    await stopWorker(worker);
    await sql.end();
    await dropTestDatabase(cfg);
    await sims.close();
  }
}

export async function runDispatchBench(size: number): Promise<BenchResult> {
  const cap = await phase(size, null);
  const engine = cap.sent / cap.seconds;
  const baseCfg = testConfig(uniqueName('loa_bench_raw'));
  const raw = await rawBullMq(baseCfg, size);
  const rate = 200;
  const accuracySize = Math.min(size, rate * 30);
  const acc = await phase(accuracySize, rate);
  return {
    'engine msg/s (end to end, DB states)': engine,
    'raw BullMQ no-op jobs/s (same run)': raw,
    'engine ÷ raw': engine / raw,
    'capacity run: throttled / duplicates': `${cap.throttled} / ${cap.duplicates}`,
    'worker CPU s per 1,000 messages': cap.cpuPerThousand,
    'accuracy: configured rate/s': rate,
    'accuracy: messages': accuracySize,
    'accuracy: max in any sliding second ÷ rate': acc.maxPerSecond / rate,
    'accuracy: utilisation (sustained ÷ rate)': acc.sustained / rate,
    'accuracy: throttled': acc.throttled,
    'accuracy: duplicates': acc.duplicates,
  };
}

if (require.main === module) {
  const size = Number(process.argv[2] ?? 100_000);
  runDispatchBench(size).then(
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
