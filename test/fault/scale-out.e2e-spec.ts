import { Queue } from 'bullmq';
import { AppConfig, sendQueueName } from '@loa/core';
import { bullConnection, bullPrefix } from '@loa/delivery';
import { waitFor } from '@loa/testing';
import { FaultRig, maxInSlidingWindow, onceReport, seedDispatchRun, startFaultRig } from './fault-rig';

const RATE = 60;
const LATENCY_MS = 100;
const CONCURRENCY = 8;

/**
 * Worker processes added side by side: they share the gateway's limiter in Redis (its rate still holds) and the
 * queue (their throughput adds up when the gateway is not the bound). Every SMS goes to the Viettel simulator.
 */
describe('scale-out: two worker processes, one gateway', () => {
  let rig: FaultRig;
  let firstNumber = 1;

  beforeAll(async () => {
    rig = await startFaultRig({
      smsRate: RATE,
      patch: (c) => {
        for (const carrier of Object.keys(c.routes) as (keyof typeof c.routes)[]) c.routes[carrier] = 'viettel';
      },
    });
  });

  afterAll(async () => {
    await rig?.close();
  });

  /** Starts `n` workers with `cfg`, waits until all consume, then dispatches `count` people; returns when done. */
  async function runWith(n: number, cfg: AppConfig, count: number) {
    await Promise.all(rig.workers.filter((w) => w.running).map((w) => w.stop()));
    rig.sims.viettel.reset();
    for (let i = 0; i < n; i++) await rig.spawnWorker(cfg);
    const q = new Queue(sendQueueName('viettel'), { connection: bullConnection(cfg), prefix: bullPrefix(cfg) });
    try {
      await waitFor(`${n} workers to consume`, async () => (await q.getWorkersCount()) === n, 60_000, 100);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${rig.logs()}`);
    } finally {
      await q.close();
    }
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

  it('two workers backlogged on one gateway never exceed its rate together', async () => {
    // The limiter spaces grants over 1000 ms + a margin that absorbs the jitter between our grant and the gateway's
    // count. The default 20 ms is exceeded now and then on this shared 2-core machine under load (a throttled answer
    // or two per run; docs/scaling.md); 100 ms keeps the test about sharing, not about scheduler jitter.
    const cfg = structuredClone(rig.cfg);
    cfg.dispatch.windowMarginMs = 100;
    const r = await runWith(2, cfg, RATE * 8);
    process.stderr.write(
      `scale-out, rate ${RATE}/s: ${JSON.stringify({ busiest: r.busiestSecond, perSecond: r.perSecond.toFixed(1), throttled: r.stats.throttled })}\n`,
    );
    expect(r.stats.throttled).toBe(0);
    expect(r.stats.maxPerSecond).toBeLessThanOrEqual(RATE);
    expect(r.busiestSecond).toBeLessThanOrEqual(RATE);
  }, 120_000);

  it('when worker concurrency is the bound, a second worker adds its throughput', async () => {
    // The gateway allows plenty and answers in 100 ms: each worker (8 in flight) manages about 80/s.
    const fast = structuredClone(rig.cfg);
    const gw = fast.gateways.find((g) => g.id === 'viettel')!;
    gw.ratePerSecond = 1000;
    gw.concurrency = CONCURRENCY;
    rig.sims.viettel.configure({ rate: 1000, latencyMs: LATENCY_MS });
    const one = await runWith(1, fast, 300);
    const two = await runWith(2, fast, 600);
    const ratio = two.perSecond / one.perSecond;
    const ceiling = (CONCURRENCY * 1000) / LATENCY_MS;
    process.stderr.write(
      `scale-out throughput: one worker ${one.perSecond.toFixed(1)}/s, two ${two.perSecond.toFixed(1)}/s, ratio ${ratio.toFixed(2)} (ceiling per worker ${ceiling}/s)\n`,
    );
    expect(one.perSecond).toBeLessThanOrEqual(ceiling * 1.05); // one worker really was the bound
    expect(two.perSecond).toBeGreaterThan(one.perSecond);
    expect([one.stats.throttled, two.stats.throttled]).toEqual([0, 0]);
  }, 180_000);
});
