import { INestApplicationContext, Module, DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { AppConfig, CoreModule, QueueName } from '@loa/core';
import { DeliveryWorkerModule, bullConnection, bullPrefix, routeFor } from '@loa/delivery';
import { ApiHarness, startApi, waitFor } from '@loa/testing';
import { pointGatewaysAt, Simulators, startSimulators } from '../../apps/carrier-sim/src';
import { backloggedThroughput, maxInSlidingWindow, seedDispatchRun } from '../../libs/delivery/src/testing/seed-run';

@Module({})
class InProcessWorker {
  static forRoot(cfg: AppConfig): DynamicModule {
    return { module: InProcessWorker, imports: [CoreModule.forRoot(cfg), DeliveryWorkerModule] };
  }
}

/** Low rates the shared test machine sustains in one process; the limiter's arithmetic is rate-independent. */
const RATES: Record<string, number> = { viettel: 75, vnpt: 75, esms: 150, zalo: 250 };
const WORKERS = 1;

describe('dispatch through the simulators (e2e)', () => {
  let sims: Simulators;
  let h: ApiHarness;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    sims = await startSimulators({
      // Phones ending in 7, 8 or 9 have no Zalo account (-118): they fall back to SMS.
      overrides: Object.fromEntries(
        (['viettel', 'vnpt', 'esms', 'zalo'] as const).map((n) => [
          n,
          { dlr: { enabled: false }, ...(n === 'zalo' ? { zalo: { noAccountLastDigits: ['7', '8', '9'] } } : {}) },
        ]),
      ),
    });
    h = await startApi((cfg) => {
      pointGatewaysAt(cfg, sims);
      for (const gw of cfg.gateways) gw.ratePerSecond = RATES[gw.id];
      // This test runs api, worker and simulators in one process on a shared machine: wider jitter margin.
      cfg.dispatch.windowMarginMs = 50;
      cfg.dispatch.lateToleranceMs = 20;
    });
    // The simulators police the same rates and check the same credentials as the config says.
    for (const s of sims.all) {
      const gw = h.cfg.gateways.find((g) => g.endpoint.startsWith(s.url))!;
      s.configure({ rate: gw.ratePerSecond, credentials: { oaSecretKey: gw.webhookSecret, ...gw.credentials } });
      if (s.name === 'zalo')
        s.configure({ zalo: { ...s.config().zalo, seedRefreshTokens: [gw.credentials.refreshToken] } });
    }
  });

  afterAll(async () => {
    for (const w of workers) await w.close();
    await h?.close();
    await sims?.close();
  });

  it('refuses bad rate changes and applies a good one live, audited', async () => {
    const admin = { Authorization: `Bearer ${h.adminToken}` };
    const operator = { Authorization: `Bearer ${await h.key('operator')}` };
    const bad = await h.http().patch('/api/v1/gateways/viettel').set(admin).send({ ratePerSecond: 0 }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['ratePerSecond']);
    await h.http().patch('/api/v1/gateways/nope').set(admin).send({ ratePerSecond: 10 }).expect(404);
    await h.http().patch('/api/v1/gateways/viettel').set(operator).send({ ratePerSecond: 10 }).expect(403);
    const ok = await h.http().patch('/api/v1/gateways/viettel').set(admin).send({ ratePerSecond: 150 }).expect(200);
    expect(ok.body).toMatchObject({ id: 'viettel', ratePerSecond: 150, configuredRate: RATES.viettel });
    const { rows } = await h.sql.query(
      `SELECT details FROM audit_log WHERE entity = 'gateway' AND entity_id = 'viettel'`,
    );
    expect(rows[0].details).toEqual({ ratePerSecond: { from: RATES.viettel, to: 150 } });
    // Back to the test rate (the simulator polices it).
    await h.http().patch('/api/v1/gateways/viettel').set(admin).send({ ratePerSecond: RATES.viettel }).expect(200);
    const list = await h.http().get('/api/v1/gateways').set(operator).expect(200);
    expect(list.body.map((g: { id: string }) => g.id).sort()).toEqual(['esms', 'viettel', 'vnpt', 'zalo']);
  });

  it('guards the queue dashboard (admin key by header or cookie) and serves /metrics', async () => {
    await h.http().get('/admin/queues').expect(401);
    await h
      .http()
      .get('/admin/queues')
      .set('Authorization', `Bearer ${await h.key('operator')}`)
      .expect(403);
    await h.http().get('/admin/queues').set('Authorization', `Bearer ${h.adminToken}`).expect(200);
    await h
      .http()
      .get('/admin/queues')
      .set('Cookie', `loa_key=${encodeURIComponent(h.adminToken)}`)
      .expect(200);
    const m = await h.http().get('/metrics').expect(200);
    expect(m.text).toMatch(/loa_queue_jobs\{queue="send-zalo",state="waiting"\}/);
  });

  it('reaches 20,000 people exactly once, Zalo first with SMS fallback, never over any gateway’s rate', async () => {
    // Two runs, one after the other: Zalo→SMS (Zalo backlogged throughout; 30% fall back to SMS), then SMS only
    // (each SMS gateway backlogged from the start).
    const zns = await seedDispatchRun(h.sql, { count: 12_000, firstNumber: 1, channels: ['zns', 'sms'], name: 'zns' });
    const sms = await seedDispatchRun(h.sql, { count: 8_000, firstNumber: 500_000, channels: ['sms'], name: 'sms' });
    await h.sql.query(`UPDATE campaign_runs SET status = 'pending' WHERE id = $1`, [sms.runId]);
    for (let i = 0; i < WORKERS; i++) {
      const w = await NestFactory.createApplicationContext(InProcessWorker.forRoot(h.cfg), { logger: ['error'] });
      await w.init();
      workers.push(w);
    }
    const dispatch = new Queue(QueueName.Dispatch, { connection: bullConnection(h.cfg), prefix: bullPrefix(h.cfg) });
    const runDone = (runId: string) =>
      waitFor(
        `run ${runId} to complete`,
        async () =>
          (await h.sql.query(`SELECT status FROM campaign_runs WHERE id = $1`, [runId])).rows[0].status === 'completed',
        120_000,
        500,
      );
    await dispatch.add('dispatch-run', { runId: zns.runId });
    await runDone(zns.runId);
    // The first run's SMS fallbacks trickled in below the SMS rates; the second run backlogs every SMS gateway.
    const fallbackSends = Object.fromEntries(sims.all.map((s) => [s.name, s.messages().length]));
    await h.sql.query(`UPDATE campaign_runs SET status = 'dispatching' WHERE id = $1`, [sms.runId]);
    await dispatch.add('dispatch-run', { runId: sms.runId });
    await runDone(sms.runId);
    await dispatch.close();

    // Every delivery sent; one message per channel attempt; never two SMS to one person.
    const byStatus = await h.sql.query(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status`);
    expect(byStatus.rows).toEqual([{ status: 'sent', n: 20_000 }]);
    const perDelivery = await h.sql.query(
      `SELECT count(*) FILTER (WHERE m.channel = 'sms' AND m.status = 'sent')::int AS sms,
              count(*) FILTER (WHERE m.status = 'sent')::int AS sent, count(*)::int AS attempts
         FROM deliveries d JOIN messages m ON m.delivery_id = d.id GROUP BY d.id`,
    );
    expect(perDelivery.rows.every((r) => r.sent === 1 && r.sms <= 1)).toBe(true);
    const fellBack = await h.sql.query(
      `SELECT count(*)::int AS n FROM messages WHERE channel = 'zns' AND status = 'failed' AND error_code = '-118'`,
    );
    expect(fellBack.rows[0].n).toBe(12_000 * 0.3);
    const sentSms = await h.sql.query(
      `SELECT segments, cost::float AS cost FROM messages WHERE channel = 'sms' LIMIT 1`,
    );
    expect(sentSms.rows[0]).toEqual({ segments: 1, cost: expect.any(Number) });

    // The gateways' side: nobody received two messages, nothing was throttled, no request id twice.
    const received = new Map<string, number>();
    for (const s of sims.all) for (const m of s.messages()) received.set(m.phone, (received.get(m.phone) ?? 0) + 1);
    expect(received.size).toBe(20_000);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    const report: Record<string, unknown> = {};
    const checks: [string, number, number, number, number][] = [];
    for (const s of sims.all) {
      const st = s.stats();
      expect({
        sim: s.name,
        throttled: st.throttled,
        duplicates: st.duplicates.requestId + st.duplicates.phoneContent,
      }).toEqual({
        sim: s.name,
        throttled: 0,
        duplicates: 0,
      });
      const rate = st.rate;
      // Utilisation while backlogged: the busiest sliding second, and the sustained rate over the sends that were
      // all queued from the start (Zalo: all of them; each SMS gateway: the SMS-only run's share routed to it).
      // Phase of interest: Zalo in the first run; each SMS gateway in the second (its sends after the first run's).
      const times = s
        .messages()
        .slice(s.name === 'zalo' ? 0 : fallbackSends[s.name])
        .map((m) => m.acceptedAt)
        .sort((a, b) => a - b);
      const gwId = h.cfg.gateways.find((g) => g.endpoint.startsWith(s.url))!.id;
      const backlog =
        s.name === 'zalo'
          ? zns.count
          : (await h.sql.query(`SELECT carrier FROM deliveries WHERE run_id = $1`, [sms.runId])).rows.filter((r) => {
              const route = routeFor(h.cfg, 'sms', r.carrier);
              return route.ok && route.gateway.id === gwId;
            }).length;
      let peak = maxInSlidingWindow(times) / rate;
      let sustained = backloggedThroughput(times, backlog) / rate;
      if (s.name === 'zalo') {
        // Zalo also answered -118 for 30%: those requests used the rate too, so count arrivals, not acceptances,
        // over the whole calendar seconds inside the run (first and last seconds are partial).
        const inner = st.perSecond.slice(1, -1);
        peak = st.maxPerSecond / rate;
        sustained = inner.reduce((n, b) => n + b.arrivals, 0) / (rate * inner.length);
      }
      report[s.name] = { rate, accepted: st.accepted, backlog, peak: peak.toFixed(3), sustained: sustained.toFixed(3) };
      checks.push([s.name, st.maxPerSecond, rate, peak, sustained]);
    }
    process.stderr.write(`dispatch utilisation: ${JSON.stringify(report)}\n`);
    for (const [, maxPerSecond, rate, peak, sustained] of checks) {
      expect(maxPerSecond).toBeLessThanOrEqual(rate);
      expect(peak).toBeGreaterThanOrEqual(0.95);
      expect(sustained).toBeGreaterThanOrEqual(0.95);
    }
  }, 240_000);
});
