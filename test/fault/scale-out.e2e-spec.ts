import { Redis } from 'ioredis';
import { limiterKeys } from '@loa/delivery';
import { FaultRig, maxInSlidingWindow, onceReport, seedDispatchRun, startFaultRig } from './fault-rig';

const LATENCY_MS = 100;
const CONCURRENCY = 8;
const FAST_RATE = 1000;
const RATE = 60;

/**
 * Worker processes added side by side: they share the queue (their throughput adds up when the gateway is not the
 * bound) and the gateway's limiter in Redis (its rate still holds). Every SMS goes to the Viettel simulator.
 * Two worker processes serve all three phases (booting one costs seconds on this machine); the rate changes live,
 * as PATCH /gateways/:id does it: gateway_settings + the Redis rate key the limiter reads on every grant.
 */
describe('scale-out: two worker processes, one gateway', () => {
  let rig: FaultRig;
  let firstNumber = 1;

  beforeAll(async () => {
    rig = await startFaultRig({
      smsRate: FAST_RATE,
      patch: (c) => {
        for (const carrier of Object.keys(c.routes) as (keyof typeof c.routes)[]) c.routes[carrier] = ['viettel'];
        c.gateways.find((g) => g.id === 'viettel')!.concurrency = CONCURRENCY;
        // The limiter spaces grants over 1000 ms + this margin, which absorbs the jitter between our grant and the
        // gateway's count. The default 20 ms is exceeded now and then on this shared 2-core machine under load (a
        // throttled answer or a few per run; docs/scaling.md); 100 ms keeps the test about sharing, not jitter.
        c.dispatch.windowMarginMs = 100;
      },
    });
    rig.sims.viettel.configure({ latencyMs: LATENCY_MS });
  });

  afterAll(async () => {
    await rig?.close();
  });

  /** Makes `n` workers consume, dispatches `count` people, returns the gateway's view once all are sent once. */
  async function runWith(n: number, count: number) {
    while (rig.workers.filter((w) => w.running).length < n) await rig.spawnWorker();
    await rig.waitForConsumers(n);
    rig.sims.viettel.reset();
    const run = await seedDispatchRun(rig.sql, { count, firstNumber, channels: ['sms'], name: `${n} workers` });
    firstNumber += count;
    await rig.dispatch(run.runId);
    await rig.waitForRuns([run.runId], 90_000);
    const report = await onceReport(rig, [run.runId]);
    expect(report).toMatchObject({
      byStatus: { sent: count },
      sentTwiceInDb: 0,
      receivedTwice: 0,
      simDuplicates: 0,
      acceptedNotRecorded: 0,
      recordedNotAccepted: 0,
    });
    const times = rig.sims.viettel
      .messages()
      .map((m) => m.acceptedAt)
      .sort((a, b) => a - b);
    return {
      stats: rig.sims.viettel.stats(),
      busiestSecond: maxInSlidingWindow(times),
      perSecond: (times.length - 1) / ((times[times.length - 1] - times[0]) / 1000),
    };
  }

  // Whether the second worker adds throughput is a speed figure: bench/ measures it; here only exactly-once and the
  // rate are asserted (tests assert behaviour, never speed).
  it('one worker, then two sharing a run: everyone exactly once, nothing throttled', async () => {
    // The gateway allows 1000/s and answers in 100 ms: a worker with 8 sends in flight manages at most 80/s.
    const one = await runWith(1, 300);
    const two = await runWith(2, 600);
    const ratio = two.perSecond / one.perSecond;
    const ceiling = (CONCURRENCY * 1000) / LATENCY_MS;
    process.stderr.write(
      `scale-out throughput: one worker ${one.perSecond.toFixed(1)}/s, two ${two.perSecond.toFixed(1)}/s, ` +
        `ratio ${ratio.toFixed(2)} (ceiling per worker ${ceiling}/s)\n`,
    );
    expect([one.stats.throttled, two.stats.throttled]).toEqual([0, 0]);
  }, 180_000);

  it('two workers backlogged on one gateway never exceed its rate together', async () => {
    await rig.sql.query(
      `INSERT INTO gateway_settings (gateway_id, rate_per_second, updated_at) VALUES ('viettel', $1, now())
       ON CONFLICT (gateway_id) DO UPDATE SET rate_per_second = EXCLUDED.rate_per_second`,
      [RATE],
    );
    const redis = new Redis(rig.cfg.redis.url);
    await redis.set(limiterKeys(rig.cfg, 'viettel').rate, String(RATE));
    redis.disconnect();
    rig.sims.viettel.configure({ rate: RATE, latencyMs: 0 });

    const r = await runWith(2, RATE * 8);
    const summary = { busiest: r.busiestSecond, perSecond: r.perSecond.toFixed(1), throttled: r.stats.throttled };
    process.stderr.write(`scale-out, rate ${RATE}/s: ${JSON.stringify(summary)}\n`);
    expect(r.stats.throttled).toBe(0);
    expect(r.stats.maxPerSecond).toBeLessThanOrEqual(RATE);
    expect(r.busiestSecond).toBeLessThanOrEqual(RATE);
  }, 120_000);
});
