import { waitFor } from '@loa/testing';
import { FaultRig, onceReport, seedDispatchRun, startFaultRig } from './fault-rig';

/**
 * PostgreSQL drops every connection of the workers (failover, restart, a DBA's pg_terminate_backend) several times
 * mid-run. Pools reconnect, jobs whose statements failed are retried, and the claim keeps every send single.
 */
describe('PostgreSQL connections dropped mid-run (fault)', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await startFaultRig({ smsRate: 60 });
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('completes the run exactly once through five rounds of terminated backends', async () => {
    const run = await seedDispatchRun(rig.sql, { count: 600, firstNumber: 1, channels: ['sms'] });
    await rig.spawnWorker();
    await rig.spawnWorker();
    const db = new URL(rig.cfg.database.url).pathname.slice(1);
    let terminated = 0;
    for (const after of [80, 160, 240, 320, 400]) {
      await waitFor(
        `${after} sends`,
        async () =>
          (
            await rig.sql.query(`SELECT count(*)::int AS n FROM deliveries WHERE run_id = $1 AND status = 'sent'`, [
              run.runId,
            ])
          ).rows[0].n >= after,
        60_000,
        50,
      );
      const { rows } = await rig.sql.query(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [db],
      );
      terminated += rows[0].n;
    }
    expect(terminated).toBeGreaterThanOrEqual(5); // the workers really lost connections each time

    await rig.waitForRuns([run.runId], 60_000);
    for (const w of rig.workers)
      expect({ worker: w.name, running: w.running }).toEqual({ worker: w.name, running: true });
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
  }, 150_000);
});
