import { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { callbackUrlFor } from '@loa/channels';
import { QueueName } from '@loa/core';
import { bullConnection, bullPrefix } from '@loa/delivery';
import { ApiHarness, freePort, sqlClient, startApi, startWorkerProcess, waitFor, WorkerProcess } from '@loa/testing';
import { pointGatewaysAt, registerAtSimulators, Simulators, startSimulators } from '../../apps/carrier-sim/src';
import { SEED_TEMPLATES, seedDispatchRun } from '../../libs/delivery/src/testing/seed-run';
import { onceReport } from './fault-rig';
import { startTcpProxy, TcpProxy } from './tcp-proxy';

const RATES: Record<string, number> = { viettel: 20, vnpt: 20, esms: 40, zalo: 20 };
/** A batch every WAVE_MS: 120 people, 20 per carrier (Viettel 8496…, VinaPhone 8491…, four carriers on eSMS). */
const WAVE_MS = 3000;
const WAVES = 26;
/** Outage schedule from the first batch: about a minute, 503 then refused (breaker: 4 s window, 2.5 s cool-down). */
const OUTAGE_503_AT = 6500;
const REFUSED_FROM = 26_000;
const RECOVERS_AT = 66_000;
const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

/**
 * Viettel goes down in the middle of a campaign sent in batches — first answering 503, then refusing connections —
 * and comes back. Routes as configured: viettel → [viettel, esms]. Its subscribers fail over to eSMS while its
 * breaker is open, return to Viettel once a probe gets an answer, and every person is reached exactly once across
 * both gateways. Worker in its own process; api (gateways, dashboard, run progress) and simulators here.
 */
describe('failover: Viettel down mid-campaign (fault, e2e)', () => {
  let sims: Simulators;
  let proxy: TcpProxy;
  let h: ApiHarness;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    sims = await startSimulators({
      // Delivery reports on (the api applies them): an attempt left in doubt is resolved by its report, not resent.
      overrides: Object.fromEntries(
        (['viettel', 'vnpt', 'esms', 'zalo'] as const).map((n) => [n, { dlr: { enabled: true, delayMs: 200 } }]),
      ),
    });
    proxy = await startTcpProxy(sims.viettel.url);
    h = await startApi((cfg) => {
      // The simulators share this Jest process: its stalls bunch arrivals (docs/scaling.md).
      cfg.dispatch.windowMarginMs = 100;
      pointGatewaysAt(cfg, sims);
      for (const gw of cfg.gateways) {
        gw.ratePerSecond = RATES[gw.id];
        if (gw.id === 'viettel') gw.endpoint = `${proxy.url}/bulkapi`;
      }
      cfg.dispatch.inDoubtGraceMs = 4000; // an attempt in doubt whose report never comes is resent on its gateway
      cfg.dispatch.breaker = {
        enabled: true,
        windowMs: 4000,
        minFailures: 5,
        failurePercent: 50,
        coolDownMs: 2500,
        halfOpenProbes: 2,
      };
    });
    // Reports go to this api (its port is known only now); the worker's config carries the same base URL.
    h.cfg.api.publicBaseUrl = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
    for (const s of sims.all) {
      const gw = h.cfg.gateways.find((g) => g.id === s.name)!;
      s.configure({
        rate: gw.ratePerSecond,
        webhookUrl: callbackUrlFor(h.cfg, gw.id),
        credentials: { oaSecretKey: gw.webhookSecret, ...gw.credentials },
      });
    }
    // The seeded campaign's templates, registered at the (strict) simulators as an operator registers them.
    registerAtSimulators(sims, h.cfg, SEED_TEMPLATES);
  });

  afterAll(async () => {
    await worker?.stop();
    await h?.close();
    await proxy?.close();
    await sims?.close();
  });

  it('fails Viettel over to eSMS while it is down, returns to it after, and reaches everyone exactly once', async () => {
    const operator = { Authorization: `Bearer ${await h.key('operator')}` };
    const admin = { Authorization: `Bearer ${h.adminToken}` };
    const breaker = async (id: string) =>
      (await h.http().get('/api/v1/gateways').set(operator).expect(200)).body.find((g: { id: string }) => g.id === id)
        .breaker as { state: string; since: string | null };
    h.cfg.worker.metricsPort = await freePort();
    h.cfg.log.level = 'info'; // the worker's: breaker transitions are logged at warn (open) and info
    worker = await startWorkerProcess(h.cfg, { name: 'failover-e2e' });
    const dispatch = new Queue(QueueName.Dispatch, { connection: bullConnection(h.cfg), prefix: bullPrefix(h.cfg) });
    await waitFor('the worker to consume', async () => (await dispatch.getWorkersCount()) > 0, 60_000, 100);

    const waves: { runId: string; at: number; breaker: string }[] = [];
    // One transaction per batch: the worker's housekeeping must not see (and complete) a run without deliveries.
    const seeder = await sqlClient(h.cfg);
    const seedWave = async (k: number) => {
      await seeder.query('BEGIN');
      const run = await seedDispatchRun(seeder, {
        count: 120,
        firstNumber: 1 + k * 1000,
        channels: ['sms'],
        name: `b${k}`,
      });
      await seeder.query('COMMIT');
      waves.push({ runId: run.runId, at: Date.now(), breaker: (await breaker('viettel')).state });
      await dispatch.add('dispatch-run', { runId: run.runId }, { removeOnComplete: true });
    };
    const t0 = Date.now();
    const seeding = (async () => {
      for (let k = 0; k < WAVES; k++) {
        await sleepUntil(t0 + k * WAVE_MS);
        await seedWave(k);
      }
    })();

    // Healthy first; then the outage, in two parts.
    await sleepUntil(t0 + OUTAGE_503_AT);
    const beforeOutage = sims.viettel.stats().accepted;
    sims.viettel.configure({ failure: { rate: 1, mode: '503' } });
    const opened = await waitFor(
      'the breaker to open',
      async () => (await breaker('viettel')).state === 'open',
      20_000,
    );
    const openedAt = Date.now();
    const { body: routes } = await h.http().get('/api/v1/gateways/routes').set(operator).expect(200);
    const live = Object.fromEntries(routes.map((r: { carrier: string; live: string }) => [r.carrier, r.live]));
    expect(live).toMatchObject({ viettel: 'esms', vinaphone: 'vnpt', mobifone: 'esms' });
    expect(routes.find((r: { carrier: string }) => r.carrier === 'viettel').failover).toBe(true);
    const { body: board } = await h.http().get('/admin/queues/api/queues').set(admin).expect(200);
    const viettelQueue = board.queues.find((q: { name: string }) => q.name === 'send-viettel');
    expect(viettelQueue.description).toMatch(/breaker (open|half-open)/);

    // Connections refused from a moment when no request is in flight: just after a probe failed and re-opened it.
    await sleepUntil(t0 + REFUSED_FROM);
    const since = (await breaker('viettel')).since;
    await waitFor(
      'a probe to fail',
      async () => {
        const b = await breaker('viettel');
        return b.state === 'open' && b.since !== since;
      },
      20_000,
      25,
    );
    await proxy.down();
    const refusedAt = Date.now();
    await sleepUntil(t0 + RECOVERS_AT);
    sims.viettel.configure({ failure: { rate: 0 } });
    await proxy.up();
    const recoveredAt = Date.now();
    await waitFor('the breaker to close', async () => (await breaker('viettel')).state === 'closed', 20_000);
    const closedAt = Date.now();
    await seeding;
    // A batch after the recovery, seeded once the breaker is closed: all of Viettel's share goes through Viettel.
    await seedWave(WAVES);
    const runIds = waves.map((w) => w.runId);
    await waitFor(
      'every batch to complete',
      async () =>
        (
          await h.sql.query(
            `SELECT count(*)::int AS n FROM campaign_runs WHERE id = ANY($1) AND status = 'completed'`,
            [runIds],
          )
        ).rows[0].n === runIds.length,
      90_000,
      250,
    ).catch(async (e) => {
      throw new Error(`${(e as Error).message}\n${worker?.tail(40)}`);
    });
    await dispatch.close();
    await seeder.end();

    // Everyone exactly once, across both gateways.
    const r = await onceReport({ sql: h.sql, sims }, runIds);
    const viettelPhones = new Set(sims.viettel.messages().map((m) => m.phone));
    const both = sims.esms.messages().filter((m) => viettelPhones.has(m.phone)).length;
    const timeline = {
      beforeOutage,
      opened: openedAt - t0,
      refused: refusedAt - t0,
      recovered: recoveredAt - t0,
      closed: closedAt - t0,
    };
    const failed = (
      await h.sql.query(
        `SELECT d.carrier, d.error_code, d.error_text, m.gateway_id, m.attempts, m.pinned_gateway_id
           FROM deliveries d LEFT JOIN messages m ON m.delivery_id = d.id AND m.channel_index = d.channel_index
          WHERE d.status NOT IN ('sent', 'delivered')`,
      )
    ).rows;
    process.stderr.write(
      `failover: ${JSON.stringify({ ...r, both, timeline, waves: waves.map((w) => w.breaker), failed })}\n`,
    );
    expect(opened).toBe(true);
    expect(r).toMatchObject({
      sentTwiceInDb: 0,
      receivedTwice: 0,
      simDuplicates: 0,
      acceptedNotRecorded: 0,
      recordedNotAccepted: 0,
    });
    expect((r.byStatus.sent ?? 0) + (r.byStatus.delivered ?? 0)).toBe(waves.length * 120);
    expect(both).toBe(0);

    // Who carried whom: by carrier and gateway, per batch.
    const { rows } = await h.sql.query(
      `SELECT d.run_id::text AS "runId", d.carrier, m.gateway_id AS gw, m.pinned_gateway_id AS pinned, count(*)::int AS n
         FROM deliveries d JOIN messages m ON m.delivery_id = d.id
        WHERE d.run_id = ANY($1) AND m.status IN ('sent', 'delivered') GROUP BY 1, 2, 3, 4`,
      [runIds],
    );
    const carried = (runs: string[], carrier: string, gw: string, pinned?: string | null) =>
      rows
        .filter((x) => runs.includes(x.runId) && x.carrier === carrier && x.gw === gw)
        .filter((x) => pinned === undefined || x.pinned === pinned)
        .reduce((n, x) => n + x.n, 0);
    const all = runIds;
    // Viettel carried its subscribers before the outage, eSMS during it; VinaPhone never left VNPT.
    expect(beforeOutage).toBeGreaterThan(0);
    expect(carried(all, 'viettel', 'esms')).toBeGreaterThan(0);
    expect(carried(all, 'vinaphone', 'vnpt')).toBe(waves.length * 20);
    // Batches seeded well inside the outage: their Viettel subscribers went through eSMS, none waited for Viettel —
    // except an attempt Viettel may have held (pinned to it, in doubt), which must not move, and a send whose turn
    // came only after Viettel was back (a failed probe's retry with backoff, or a backlog on a loaded machine: two
    // suites at once), which rightly goes through Viettel then.
    const during = waves.filter((w) => w.at > openedAt + 1000 && w.at < recoveredAt - 20_000).map((w) => w.runId);
    expect(during.length).toBeGreaterThanOrEqual(10);
    const { rows: waited } = await h.sql.query(
      `SELECT count(*)::int AS n FROM deliveries d JOIN messages m ON m.delivery_id = d.id
        WHERE d.run_id = ANY($1) AND d.carrier = 'viettel' AND m.gateway_id = 'viettel' AND m.pinned_gateway_id IS NULL
          AND m.status IN ('sent', 'delivered') AND m.sent_at < $2`,
      [during, new Date(recoveredAt)],
    );
    expect(waited[0].n).toBe(0);
    expect(carried(during, 'viettel', 'esms')).toBeGreaterThan(carried(during, 'viettel', 'viettel'));
    // eSMS kept Viettel's subscribers while Viettel refused connections too.
    const esmsDuringRefusal = sims.esms
      .messages()
      .filter((m) => m.phone.startsWith('8496') && m.acceptedAt > refusedAt && m.acceptedAt < recoveredAt).length;
    expect(esmsDuringRefusal).toBeGreaterThan(0);
    // After the recovery Viettel carries its own again: the last batch entirely.
    const last = waves[waves.length - 1].runId;
    expect(carried([last], 'viettel', 'viettel')).toBe(20);
    const { body: progress } = await h.http().get(`/api/v1/stats/live?runId=${last}`).set(admin).expect(200);
    const reached = (gw: string) =>
      Object.entries(progress.byGateway[gw] ?? {}).reduce(
        (n, [st, k]) => n + (/sent|delivered/.test(st) ? Number(k) : 0),
        0,
      );
    expect({ viettel: reached('viettel'), vnpt: reached('vnpt'), esms: reached('esms') }).toEqual({
      viettel: 20,
      vnpt: 20,
      esms: 80,
    });

    // Visible in the worker's metrics: the transitions and the failovers; the breaker closed at the end.
    const metrics = await (await fetch(`http://127.0.0.1:${h.cfg.worker.metricsPort}/metrics`)).text();
    const value = (re: RegExp) => Number(metrics.match(re)?.[1] ?? 0);
    expect(
      value(/^loa_gateway_breaker_transitions_total\{gateway="viettel",to="open"\} (\d+)/m),
    ).toBeGreaterThanOrEqual(2);
    expect(
      value(/^loa_gateway_breaker_transitions_total\{gateway="viettel",to="half-open"\} (\d+)/m),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(/^loa_gateway_breaker_transitions_total\{gateway="viettel",to="closed"\} (\d+)/m),
    ).toBeGreaterThanOrEqual(1);
    expect(value(/^loa_route_failover_total\{from="viettel",to="esms"\} (\d+)/m)).toBeGreaterThan(0);
    expect(metrics).toMatch(/^loa_gateway_breaker_state\{gateway="viettel"\} 0$/m);
    const { text: apiMetrics } = await h.http().get('/metrics').expect(200);
    expect(apiMetrics).toMatch(/^loa_gateway_breaker_state\{gateway="viettel"\} 0$/m);
    // The worker logged each change once (warn on open, info otherwise), as many as it counted.
    const log = worker.tail(100_000);
    const lines = (re: RegExp) => log.split('\n').filter((l) => re.test(l)).length;
    expect(lines(/"level":40.*gateway viettel: breaker OPEN/)).toBe(
      value(/^loa_gateway_breaker_transitions_total\{gateway="viettel",to="open"\} (\d+)/m),
    );
    expect(lines(/"level":30.*gateway viettel: breaker closed/)).toBe(
      value(/^loa_gateway_breaker_transitions_total\{gateway="viettel",to="closed"\} (\d+)/m),
    );
  }, 180_000);
});
