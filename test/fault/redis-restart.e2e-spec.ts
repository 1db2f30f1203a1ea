import { PrivateRedis, waitFor } from '@loa/testing';
import { FaultRig, onceReport, seedDispatchRun, startFaultRig } from './fault-rig';

/**
 * Redis dies mid-run and comes back empty (no persistence): every queued job, limiter window and lock is gone.
 * PostgreSQL still knows which deliveries are open, so the jobs must be re-derived from it — exactly once.
 */
describe('Redis restart mid-run (fault)', () => {
  let redis: PrivateRedis;
  let rig: FaultRig;
  const RATE = 50;
  let restartedAt = 0;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    rig = await startFaultRig({ smsRate: RATE, patch: (c) => (c.redis.url = redis.url) });
  });

  afterAll(async () => {
    await rig?.close();
    await redis?.close();
  });

  const sentSoFar = async (runId: string) =>
    (await rig.sql.query(`SELECT count(*)::int AS n FROM deliveries WHERE run_id = $1 AND status = 'sent'`, [runId]))
      .rows[0].n as number;

  /** Kills Redis once `after` deliveries are sent, keeps it down `downMs`, starts it again (empty). */
  async function bounceRedis(runId: string, after: number, downMs: number): Promise<void> {
    await waitFor(`${after} sends before the fault`, async () => (await sentSoFar(runId)) >= after, 60_000, 100);
    await redis.stop(true);
    await new Promise((r) => setTimeout(r, downMs)); // an outage has a duration; nothing to poll for here
    await redis.start();
    restartedAt = Date.now();
  }

  it('re-derives the lost jobs while the workers keep running: all sent once', async () => {
    const run = await seedDispatchRun(rig.sql, { count: 400, firstNumber: 1, channels: ['sms'], name: 'live' });
    const worker = await rig.spawnWorker();
    await bounceRedis(run.runId, 100, 1500);
    const sentAtRestart = await sentSoFar(run.runId);
    expect(sentAtRestart).toBeLessThan(run.count); // the fault really hit mid-run

    // A worker notices within seconds that Redis came back empty (see docs/fault-tolerance.md).
    await rig.waitForRuns([run.runId], 30_000);
    expect(worker.running).toBe(true); // survived the outage instead of crashing
    const r = await onceReport(rig, [run.runId]);
    process.stderr.write(`${expect.getState().currentTestName}: ${JSON.stringify(r)}\n`);
    expect(r).toMatchObject({
      byStatus: { sent: run.count },
      sentTwiceInDb: 0,
      receivedTwice: 0,
      simDuplicates: 0,
      acceptedNotRecorded: 0,
      recordedNotAccepted: 0,
    });
  }, 120_000);

  it('the click writer recreates its consumer group once Redis is back (clicks wait in the stream)', async () => {
    const worker = rig.workers[0];
    expect(worker.running).toBe(true);
    // Lines logged from 5 s after the restart on: a component that recovered has stopped failing by then.
    const failingLater = () =>
      worker
        .log()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { time: number; msg: string })
        .filter((l) => l.time > restartedAt + 5000 && /NOGROUP/.test(l.msg));
    await waitFor('5 s of logs after the restart', () => Date.now() > restartedAt + 7000, 30_000, 200);
    expect(failingLater().map((l) => l.msg)).toEqual([]);
  });

  it('after a restart of Redis and of the workers, the start-up sweep re-enqueues open runs: all sent once', async () => {
    await Promise.all(rig.workers.map((w) => w.stop()));
    const run = await seedDispatchRun(rig.sql, {
      count: 400,
      firstNumber: 100_000,
      channels: ['sms'],
      name: 'restart',
    });
    const worker = await rig.spawnWorker();
    await bounceRedis(run.runId, 100, 500);
    // Restarted gracefully: a worker killed mid-send is a different fault (in doubt: resent with the same request
    // id, which Viettel and VNPT do not dedupe; see docs/fault-tolerance.md), not the one tested here.
    await worker.restart('SIGTERM');
    // Every run still dispatching is swept, the previous test's included (whatever state it was left in).
    const runIds = (await rig.sql.query(`SELECT id::text FROM campaign_runs`)).rows.map((r) => r.id as string);
    await rig.waitForRuns(runIds, 60_000);
    const r = await onceReport(rig, runIds);
    expect(r).toMatchObject({
      byStatus: { sent: 800 },
      sentTwiceInDb: 0,
      receivedTwice: 0,
      simDuplicates: 0,
      acceptedNotRecorded: 0,
      recordedNotAccepted: 0,
    });
  }, 120_000);
});
