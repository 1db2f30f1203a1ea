import { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { QueueName } from '@loa/core';
import { callbackUrlFor } from '@loa/channels';
import { bullConnection, bullPrefix } from '@loa/delivery';
import { ApiHarness, startApi, startWorkerProcess, waitFor, WorkerProcess } from '@loa/testing';
import {
  pointGatewaysAt,
  registerAtSimulators,
  SimName,
  Simulators,
  startSimulators,
} from '../../apps/carrier-sim/src';
import { SEED_TEMPLATES, seedDispatchRun } from '../../libs/delivery/src/testing/seed-run';

const RATES: Record<string, number> = { viettel: 100, vnpt: 100, esms: 100, zalo: 150 };
/**
 * Besides the kill, each gateway fails a few sends the in-doubt way: Viettel and eSMS take the message and never
 * answer (eSMS dedupes the resend, Viettel must not get one: its report resolves it), VNPT and Zalo never answer
 * and do NOT take it (no report: VNPT is resent after the grace period, Zalo falls back to SMS).
 */
const FAULTS: Record<SimName, 'accept-timeout' | 'timeout'> = {
  viettel: 'accept-timeout',
  vnpt: 'timeout',
  esms: 'accept-timeout',
  zalo: 'timeout',
};

/**
 * A worker process is SIGKILLed mid-run and started again, with gateways that time out now and then: every
 * recipient still ends with exactly one message at the gateways, none lost. The api runs here too, so that the
 * simulators' delivery reports resolve in-doubt sends (policy `await-report`, docs/dispatch.md).
 */
describe('fault: worker killed mid-run, gateways timing out (e2e, child process)', () => {
  let sims: Simulators;
  let h: ApiHarness;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    sims = await startSimulators({
      overrides: Object.fromEntries(
        (['viettel', 'vnpt', 'esms', 'zalo'] as const).map((n) => [
          n,
          {
            dlr: { enabled: true, delayMs: 200 },
            failure: { rate: 0.005, mode: FAULTS[n], hangMs: 0 },
            ...(n === 'zalo' ? { zalo: { noAccountLastDigits: ['7', '8', '9'] } } : {}),
          },
        ]),
      ),
    });
    h = await startApi((cfg) => {
      // The simulators share this Jest process: its stalls bunch arrivals, so a wider margin than production (see docs/scaling.md).
      cfg.dispatch.windowMarginMs = 100;
      pointGatewaysAt(cfg, sims);
      for (const gw of cfg.gateways) {
        gw.ratePerSecond = RATES[gw.id];
        gw.timeoutMs = 1500;
      }
      cfg.dispatch.inDoubtGraceMs = 4000;
    });
    // Reports go to this api (the port is known only now); the worker's config carries the same base URL.
    const port = (h.app.getHttpServer().address() as AddressInfo).port;
    h.cfg.api.publicBaseUrl = `http://127.0.0.1:${port}`;
    for (const s of sims.all) {
      const gw = h.cfg.gateways.find((g) => g.endpoint.startsWith(s.url))!;
      s.configure({
        rate: gw.ratePerSecond,
        webhookUrl: callbackUrlFor(h.cfg, gw.id),
        credentials: { oaSecretKey: gw.webhookSecret, ...gw.credentials },
      });
      if (s.name === 'zalo')
        s.configure({ zalo: { ...s.config().zalo, seedRefreshTokens: [gw.credentials.refreshToken] } });
    }
    // The seeded campaign's templates, registered as an operator registers them with the real gateways.
    registerAtSimulators(sims, h.cfg, SEED_TEMPLATES);
  });

  afterAll(async () => {
    await worker?.stop();
    await h?.close();
    await sims?.close();
  });

  it('loses nobody and sends nobody twice, on any gateway', async () => {
    const run = await seedDispatchRun(h.sql, { count: 3000, firstNumber: 1, channels: ['zns', 'sms'] });
    const done = async () =>
      (await h.sql.query(`SELECT count(*)::int AS n FROM deliveries WHERE status IN ('sent', 'delivered')`)).rows[0]
        .n as number;
    worker = await startWorkerProcess(h.cfg, { name: 'fault-kill' });
    const dispatch = new Queue(QueueName.Dispatch, { connection: bullConnection(h.cfg), prefix: bullPrefix(h.cfg) });
    await dispatch.add('dispatch-run', { runId: run.runId });
    await dispatch.close();
    await waitFor('a third of the run to be sent', async () => (await done()) >= 1000, 90_000, 100);
    worker.kill('SIGKILL');
    await worker.waitForExit();
    const atKill = await done();
    expect(atKill).toBeLessThan(3000);

    await worker.restart();
    try {
      await waitFor(
        'the run to complete after the restart',
        async () =>
          (await h.sql.query(`SELECT status FROM campaign_runs WHERE id = $1`, [run.runId])).rows[0].status ===
          'completed',
        150_000,
        500,
      );
    } catch (e) {
      const { rows } = await h.sql.query(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status`);
      throw new Error(`${(e as Error).message}\n${JSON.stringify(rows)}\n${worker.tail()}`);
    }

    // PostgreSQL: every delivery reached (sent, or delivered by its report), one accepted message each.
    const byStatus = await h.sql.query(
      `SELECT count(*) FILTER (WHERE status NOT IN ('sent', 'delivered'))::int AS open_or_failed, count(*)::int AS n
         FROM deliveries`,
    );
    expect(byStatus.rows[0]).toEqual({ open_or_failed: 0, n: 3000 });
    const twice = await h.sql.query(
      `SELECT delivery_id FROM messages WHERE status IN ('sent', 'delivered') GROUP BY delivery_id HAVING count(*) > 1`,
    );
    expect(twice.rows).toEqual([]);

    // The gateways: each person received exactly one message; no repeated request id; nothing throttled.
    const received = new Map<string, number>();
    for (const s of sims.all) for (const m of s.messages()) received.set(m.phone, (received.get(m.phone) ?? 0) + 1);
    expect(received.size).toBe(3000);
    const twiceAtSims = [...received].filter(([, n]) => n > 1).map(([phone]) => phone);
    const where = twiceAtSims.map((p) => sims.all.flatMap((s) => s.messages(p).map((m) => `${s.name}:${m.requestId}`)));
    expect(where).toEqual([]);
    for (const s of sims.all) {
      const st = s.stats();
      expect({
        sim: s.name,
        throttled: st.throttled,
        dup: st.duplicates.requestId + st.duplicates.phoneContent,
      }).toEqual({ sim: s.name, throttled: 0, dup: 0 });
    }
    // The injected faults did happen: Zalo sends with no answer and no report fell back to SMS (message unknown).
    const inDoubt = await h.sql.query(
      `SELECT count(*) FILTER (WHERE status = 'unknown' AND channel = 'zns')::int AS zalo_unknown,
              count(*) FILTER (WHERE error_code = 'NO_REPORT' OR attempts > 1)::int AS resumed
         FROM messages`,
    );
    expect(inDoubt.rows[0].zalo_unknown).toBeGreaterThan(0);
    process.stderr.write(`fault: ${atKill} reached at the kill; in doubt: ${JSON.stringify(inDoubt.rows[0])}\n`);
  }, 300_000);
});
