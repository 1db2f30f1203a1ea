import { Queue } from 'bullmq';
import { sendQueueName } from '@loa/core';
import { bullConnection, bullPrefix } from '@loa/delivery';
import { freePort, waitFor } from '@loa/testing';
import { FaultRig, onceReport, seedDispatchRun, startFaultRig } from './fault-rig';

/** Gateways failing: 503 for a few seconds (retried with backoff), and down for longer than the run is valid. */
describe('gateway outages (fault)', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await startFaultRig({
      smsRate: 60,
      // Routes without failover: these tests are about retries and expiry on the failed gateway itself
      // (failover to eSMS is gateway-failover.e2e-spec.ts).
      patch: (c) => {
        for (const carrier of Object.keys(c.routes) as (keyof typeof c.routes)[])
          c.routes[carrier] = [c.routes[carrier]![0]];
      },
    });
  });

  afterAll(async () => {
    await rig?.close();
  });

  const gatewayOf = async (runId: string) =>
    (
      await rig.sql.query(
        `SELECT m.gateway_id AS gw, min(m.attempts)::int AS min, max(m.attempts)::int AS max, count(*)::int AS n
           FROM messages m JOIN deliveries d ON d.id = m.delivery_id
          WHERE d.run_id = $1 GROUP BY m.gateway_id ORDER BY m.gateway_id`,
        [runId],
      )
    ).rows;

  it('a gateway answering 503 for a few seconds: everything sent once, retries counted in attempts', async () => {
    rig.sims.viettel.configure({ failure: { rate: 1, mode: '503' } });
    const run = await seedDispatchRun(rig.sql, { count: 300, firstNumber: 1, channels: ['sms'] });
    await rig.spawnWorker();
    // Every Viettel delivery (a sixth) fails at least once; the outage then lasts a couple of seconds more.
    await waitFor('Viettel 503s', () => rig.sims.viettel.stats().failedInjected >= run.count / 6, 30_000);
    await new Promise((r) => setTimeout(r, 2000)); // the outage's duration, not a wait for a condition
    rig.sims.viettel.configure({ failure: { rate: 0 } });

    await rig.waitForRuns([run.runId], 60_000);
    const r = await onceReport(rig, [run.runId]);
    process.stderr.write(`503 outage: ${JSON.stringify(r)}\n`);
    expect(r).toMatchObject({
      byStatus: { sent: run.count },
      sentTwiceInDb: 0,
      receivedTwice: 0,
      simDuplicates: 0,
      acceptedNotRecorded: 0,
      recordedNotAccepted: 0,
    });
    // Viettel's messages took several attempts each (spaced by the exponential backoff), within maxAttempts;
    // the healthy gateways' took one.
    const byGw = Object.fromEntries((await gatewayOf(run.runId)).map((g) => [g.gw, g]));
    expect(byGw.viettel).toMatchObject({ n: run.count / 6, min: expect.any(Number), max: expect.any(Number) });
    expect(byGw.viettel.min).toBeGreaterThanOrEqual(2);
    expect(byGw.viettel.max).toBeLessThanOrEqual(rig.cfg.gateways.find((g) => g.id === 'viettel')!.maxAttempts);
    // Healthy gateways need no retry for the outage (a rare throttled answer under load may add one).
    expect(byGw.vnpt.max).toBeLessThanOrEqual(2);
    expect(byGw.esms.max).toBeLessThanOrEqual(2);
  }, 120_000);

  it('gateways down longer than the validity: their deliveries expire, counted, and nothing is sent stale', async () => {
    await Promise.all(rig.workers.map((w) => w.stop()));
    for (const s of rig.sims.all) s.reset();
    // Viettel answers 503 throughout; VNPT refuses connections (nothing listens on its port); eSMS is healthy.
    rig.sims.viettel.configure({ failure: { rate: 1, mode: '503' } });
    const down = structuredClone(rig.cfg);
    down.gateways.find((g) => g.id === 'vnpt')!.endpoint = `http://127.0.0.1:${await freePort()}/api/send`;
    // The validity starts once the worker consumes (it boots in seconds, more under load).
    await rig.spawnWorker(down);
    await rig.waitForConsumers(1, down);
    const run = await seedDispatchRun(rig.sql, { count: 120, firstNumber: 100_000, channels: ['sms'] });
    await rig.sql.query(`UPDATE campaign_runs SET expires_at = now() + interval '6 seconds' WHERE id = $1`, [
      run.runId,
    ]);
    await rig.dispatch(run.runId);

    await rig.waitForRuns([run.runId], 60_000);
    rig.sims.viettel.configure({ failure: { rate: 0 } }); // the gateway comes back: nothing may reach it now
    const r = await onceReport(rig, [run.runId]);
    process.stderr.write(`long outage: ${JSON.stringify(r)}\n`);
    expect(r).toMatchObject({
      byStatus: { sent: (run.count * 4) / 6, expired: (run.count * 2) / 6 },
      sentTwiceInDb: 0,
      receivedTwice: 0,
      acceptedNotRecorded: 0,
      recordedNotAccepted: 0,
    });
    // Each expired delivery says why; their messages failed after retries, none still "sending".
    const expired = await rig.sql.query(
      `SELECT d.carrier, d.error_code AS code, m.status AS msg, m.attempts
         FROM deliveries d LEFT JOIN messages m ON m.delivery_id = d.id
        WHERE d.run_id = $1 AND d.status = 'expired'`,
      [run.runId],
    );
    expect(expired.rows.every((e) => e.code && (e.msg === null || e.msg === 'failed'))).toBe(true);
    expect(expired.rows.some((e) => e.attempts > 1)).toBe(true);
    // No job is left that could send a stale message later, and the healed gateway received nothing.
    for (const gw of ['viettel', 'vnpt']) {
      const q = new Queue(sendQueueName(gw), { connection: bullConnection(rig.cfg), prefix: bullPrefix(rig.cfg) });
      const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      await q.close();
      expect({ gw, ...counts }).toEqual({ gw, waiting: 0, active: 0, delayed: 0, prioritized: 0 });
    }
    expect(rig.sims.viettel.stats().accepted).toBe(0);
    expect(rig.sims.vnpt.stats().requests).toBe(0);
  }, 120_000);
});
