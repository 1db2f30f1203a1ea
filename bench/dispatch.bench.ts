/**
 * Dispatch engine benchmark. `node dist/bench/dispatch.bench.js 100000` or through `npm run bench`.
 * 1. Capacity: `size` SMS deliveries end to end (PostgreSQL states, limiter, HTTP to uncapped simulators) beside raw
 *    BullMQ produce+consume of `size` no-op jobs in the same run; ratio.
 * 2. Throttling accuracy at a configured rate: busiest sliding second ÷ rate, utilisation, throttled count.
 */
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { AppConfig, CoreModule, QueueName } from '@loa/core';
import { DeliveryWorkerModule, bullConnection, bullPrefix } from '@loa/delivery';
import { pointGatewaysAt, startSimulators } from '../apps/carrier-sim/src';
import { backloggedThroughput, maxInSlidingWindow, seedDispatchRun } from '../libs/delivery/src/testing/seed-run';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '../test/support';

type BenchResult = Record<string, number | string>;

@Module({})
class BenchWorker {
  static forRoot(cfg: AppConfig): DynamicModule {
    return { module: BenchWorker, imports: [CoreModule.forRoot(cfg), DeliveryWorkerModule] };
  }
}

async function rawBullMq(cfg: AppConfig, n: number): Promise<number> {
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
  await createTestDatabase(cfg);
  const sql = await sqlClient(cfg);
  let worker: INestApplicationContext | undefined;
  try {
    // All on eSMS when measuring accuracy (one gateway, one rate); spread over the carriers for capacity.
    if (rate !== null) cfg.routes = Object.fromEntries(Object.keys(cfg.routes).map((c) => [c, 'esms']));
    const run = await seedDispatchRun(sql, { count: size, firstNumber: 1, channels: ['sms'] });
    worker = await NestFactory.createApplicationContext(BenchWorker.forRoot(cfg), { logger: ['error'] });
    await worker.init();
    const q = new Queue(QueueName.Dispatch, { connection: bullConnection(cfg), prefix: bullPrefix(cfg) });
    const t0 = performance.now();
    await q.add('dispatch-run', { runId: run.runId });
    await q.close();
    for (;;) {
      const { rows } = await sql.query(`SELECT status FROM campaign_runs WHERE id = $1`, [run.runId]);
      if (rows[0].status === 'completed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - t0) / 1000;
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
    };
  } finally {
    await worker?.close();
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
