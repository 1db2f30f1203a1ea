import { FaultRig, onceReport, seedDispatchRun, startFaultRig } from './fault-rig';

const SPEED = 900; // 15 fake minutes per real second: 22:00 → 07:00 takes 36 s
const RATE = 10;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 22:00 in Vietnam (UTC+7) on some day, and 07:00 the next morning. */
const NIGHT = Date.parse('2025-11-20T15:00:00Z');
const MORNING = NIGHT + 9 * HOUR;
/**
 * Allowance for a send checked just before 22:00 that reaches the gateway just after: the few milliseconds between
 * the window check and the arrival (one limiter slot at concurrency 1 is 1/RATE s) are magnified SPEED times.
 * 250 ms real = 3¾ fake minutes; at real speed the same lateness is a quarter of a second.
 */
const LATE_MS = 250 * SPEED;

/**
 * A backlog that crosses 22:00 on a fast fake clock shared by the worker process: nothing leaves between 22:00 and
 * 07:00, one run's rest goes out after 07:00, the other run (valid until 03:00) expires without being sent.
 */
describe('a run crossing into quiet hours (fault)', () => {
  let rig: FaultRig;
  let realAt22: number;
  const fake = (realMs: number) => NIGHT + (realMs - realAt22) * SPEED;

  beforeAll(async () => {
    rig = await startFaultRig({
      smsRate: RATE,
      patch: (c) => {
        for (const carrier of Object.keys(c.routes) as (keyof typeof c.routes)[]) c.routes[carrier] = ['viettel'];
        c.gateways.find((g) => g.id === 'viettel')!.concurrency = 1;
      },
    });
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('sends nothing from 22:00 to 07:00; the rest goes after 07:00 or expires if validity ends first', async () => {
    // The fake clock is fixed when the worker starts, and 22:00 must fall a few seconds after it consumes: a first
    // start (on the real clock) measures how long booting takes on this machine right now.
    const t0 = Date.now();
    const warmUp = await rig.spawnWorker();
    await rig.waitForConsumers(1);
    const bootMs = Date.now() - t0;
    await warmUp.stop();
    realAt22 = Date.now() + bootMs * 1.5 + 6000;
    const nightCfg = structuredClone(rig.cfg);
    nightCfg.fakeClock = `${Math.round(realAt22)},${NIGHT},${SPEED}`;
    await rig.spawnWorker(nightCfg);
    await rig.waitForConsumers(1, nightCfg);
    expect(Date.now()).toBeLessThan(realAt22 - 3000); // enough daylight left to send some before 22:00

    // The day run alone outlasts the daylight left (however long booting took under load), so the short run, queued
    // behind it, still has people waiting at 22:00.
    const dayCount = Math.max(250, Math.ceil((realAt22 - Date.now()) / 1000 + 5) * RATE);
    const day = await seedDispatchRun(rig.sql, { count: dayCount, firstNumber: 1, channels: ['sms'], name: 'day' });
    const short = await seedDispatchRun(rig.sql, { count: 50, firstNumber: 100_000, channels: ['sms'], name: 'short' });
    await rig.sql.query(`UPDATE campaigns SET window_start_minute = 420, window_end_minute = 1320`);
    await rig.sql.query(`UPDATE campaign_runs SET expires_at = $2 WHERE id = $1`, [
      day.runId,
      new Date(NIGHT + 24 * HOUR),
    ]);
    await rig.sql.query(`UPDATE campaign_runs SET expires_at = $2 WHERE id = $1`, [
      short.runId,
      new Date(NIGHT + 5 * HOUR),
    ]);
    await rig.dispatch(day.runId);
    await rig.dispatch(short.runId);

    await rig.waitForRuns([day.runId, short.runId], 120_000);
    const r = await onceReport(rig, [day.runId, short.runId]);
    expect(r).toMatchObject({
      sentTwiceInDb: 0,
      receivedTwice: 0,
      simDuplicates: 0,
      acceptedNotRecorded: 0,
      recordedNotAccepted: 0,
    });

    // Gateway side, in fake time: before 22:00 (plus the allowance), or from 07:00 on; never in between.
    const arrivals = rig.sims.viettel.messages().map((m) => fake(m.acceptedAt));
    const evening = arrivals.filter((t) => t < NIGHT + LATE_MS).length;
    const morning = arrivals.filter((t) => t >= MORNING).length;
    const night = arrivals.filter((t) => t >= NIGHT + LATE_MS && t < MORNING).map((t) => new Date(t).toISOString());
    // How far past 22:00 (fake seconds) the last evening send arrived: the magnified lateness the allowance covers.
    const lastEveningS = Math.round((Math.max(...arrivals.filter((t) => t < MORNING)) - NIGHT) / 1000);
    const summary = { evening, morning, night: night.length, lastEveningS, ...r.byStatus };
    process.stderr.write(`quiet hours: ${JSON.stringify(summary)}\n`);
    expect(night).toEqual([]);
    expect(evening).toBeGreaterThan(0); // the run really crossed 22:00 …
    expect(morning).toBeGreaterThan(0); // … and resumed at 07:00
    expect(evening + morning).toBe(arrivals.length);

    // Our side: sent_at (clock time) agrees; the short run's rest expired at 22:00 instead of waiting past 03:00.
    const sent = await rig.sql.query(
      `SELECT run_id::text AS run, count(*) FILTER (WHERE status = 'sent')::int AS sent,
              count(*) FILTER (WHERE status = 'expired')::int AS expired,
              count(*) FILTER (WHERE status = 'sent' AND sent_at >= $1 AND sent_at < $2)::int AS "sentAtNight",
              count(*) FILTER (WHERE status = 'expired' AND final_at >= $3)::int AS "expiredLate"
         FROM deliveries GROUP BY run_id ORDER BY run_id`,
      [new Date(NIGHT + LATE_MS), new Date(MORNING), new Date(NIGHT + 5 * HOUR)],
    );
    expect(sent.rows).toEqual([
      { run: day.runId, sent: day.count, expired: 0, sentAtNight: 0, expiredLate: 0 },
      {
        run: short.runId,
        sent: expect.any(Number),
        expired: short.count - sent.rows[1].sent,
        sentAtNight: 0,
        expiredLate: 0,
      },
    ]);
    expect(sent.rows[1].expired).toBeGreaterThan(0);
  }, 180_000);
});
