/**
 * Throttling accuracy per gateway (issue 10: "a throttle that never trips"). For each gateway and each rate (100/s,
 * 400/s), with **default dispatch settings** and the simulator policing exactly `ratePerSecond`: a backlog of
 * `seconds × rate` messages through that gateway alone (SMS gateways: every carrier routed to it; Zalo: a ZNS-only
 * run), the worker as its own process. Prints the busiest sliding second ÷ rate, utilisation over the backlogged
 * phase (accepted/s ÷ rate), throttled answers and duplicates, beside raw BullMQ produce+consume of the same number
 * of no-op jobs measured in the same run (the machine's speed right now).
 *
 * `node dist/bench/throttle.bench.js [seconds=20] [rates=100,400]` or `npm run bench -- --only throttle`.
 */
import { ChildProcess } from 'node:child_process';
import { pointGatewaysAt, registerAtSimulators, SimName, startSimulators } from '../apps/carrier-sim/src';
import {
  backloggedThroughput,
  maxInSlidingWindow,
  SEED_TEMPLATES,
  seedDispatchRun,
} from '../libs/delivery/src/testing/seed-run';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '../test/support';
import { dispatchAndWait, rawBullMq, spawnWorker, stopWorker } from './dispatch.bench';
import { BenchResult } from './run';

const GATEWAYS: SimName[] = ['viettel', 'vnpt', 'esms', 'zalo'];

interface Accuracy {
  peakRatio: number;
  utilisation: number;
  throttled: number;
  duplicates: number;
  sent: number;
}

async function measure(gateway: SimName, rate: number, count: number): Promise<Accuracy> {
  const sims = await startSimulators({
    overrides: Object.fromEntries(GATEWAYS.map((n) => [n, { dlr: { enabled: false } }])),
  });
  const cfg = testConfig(uniqueName('loa_bench_thr'), (c) => {
    pointGatewaysAt(c, sims);
    for (const gw of c.gateways) gw.ratePerSecond = rate;
    if (gateway !== 'zalo') c.routes = Object.fromEntries(Object.keys(c.routes).map((k) => [k, [gateway]]));
    c.database.poolSize = 10;
    c.log.level = 'error';
  });
  for (const s of sims.all) {
    const gw = cfg.gateways.find((g) => g.endpoint.startsWith(s.url))!;
    s.configure({ rate, credentials: { oaSecretKey: gw.webhookSecret, ...gw.credentials } });
    if (s.name === 'zalo')
      s.configure({ zalo: { ...s.config().zalo, seedRefreshTokens: [gw.credentials.refreshToken] } });
  }
  registerAtSimulators(sims, cfg, SEED_TEMPLATES);
  await createTestDatabase(cfg);
  const sql = await sqlClient(cfg);
  let worker: ChildProcess | undefined;
  try {
    const run = await seedDispatchRun(sql, {
      count,
      firstNumber: 1,
      channels: [gateway === 'zalo' ? 'zns' : 'sms'],
    });
    worker = spawnWorker(cfg);
    await dispatchAndWait(cfg, sql, run.runId);
    const sim = sims[gateway];
    const times = sim
      .messages()
      .map((m) => m.acceptedAt)
      .sort((a, b) => a - b);
    const st = sim.stats();
    return {
      peakRatio: Math.max(st.maxPerSecond, maxInSlidingWindow(times)) / rate,
      utilisation: backloggedThroughput(times, times.length) / rate,
      throttled: st.throttled,
      duplicates: st.duplicates.requestId + st.duplicates.phoneContent,
      sent: times.length,
    };
  } finally {
    await stopWorker(worker);
    await sql.end();
    await dropTestDatabase(cfg);
    await sims.close();
  }
}

export async function runThrottleBench(_size: number, seconds = 20, rates = [100, 400]): Promise<BenchResult> {
  const out: BenchResult = {};
  const raw = await rawBullMq(testConfig(uniqueName('loa_bench_raw')), 20_000);
  out['raw BullMQ no-op jobs/s (same run)'] = raw;
  for (const rate of rates) {
    for (const gw of GATEWAYS) {
      const a = await measure(gw, rate, rate * seconds);
      const k = `${gw} @${rate}/s`;
      out[`${k}: busiest sliding second ÷ rate`] = a.peakRatio;
      out[`${k}: utilisation (backlogged)`] = a.utilisation;
      out[`${k}: throttled / duplicates / sent`] = `${a.throttled} / ${a.duplicates} / ${a.sent}`;
    }
  }
  return out;
}

if (require.main === module) {
  const seconds = Number(process.argv[2] ?? 20);
  const rates = (process.argv[3] ?? '100,400').split(',').map(Number);
  runThrottleBench(0, seconds, rates).then(
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
