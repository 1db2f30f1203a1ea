import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, Clock, CoreModule } from '@loa/core';
import { CampaignsWorkerModule } from '@loa/campaigns';
import { ApiHarness, registrationsFor, startApi, waitFor } from '@loa/testing';

/**
 * Campaign CRUD, preview and the scheduler + fan-out in worker contexts, on one fast fake clock (60×: a minute
 * passes each real second) shared by the api and three workers. No dispatcher runs here, so deliveries stay
 * `pending`: "sends nothing while paused" is asserted as "no delivery leaves pending, none is created".
 */
const SPEED = 60;
// 22:57 in Vietnam: minutes later the every-minute campaign fires outside the 07:00–22:00 window.
const FAKE_START = Date.parse('2025-03-03T15:57:00Z');
const SMS_BODY = 'Cai Bluezone: {{link}}';

async function startWorker(cfg: AppConfig): Promise<INestApplicationContext> {
  @Module({ imports: [CoreModule.forRoot(cfg), CampaignsWorkerModule] })
  class TestWorkerModule {}
  const ctx = await NestFactory.createApplicationContext(TestWorkerModule, { logger: ['error'] });
  await ctx.init();
  return ctx;
}

describe('campaigns (e2e)', () => {
  let h: ApiHarness;
  let workers: INestApplicationContext[] = [];
  let clock: Clock;
  let auth: { Authorization: string };
  let smsTemplate: number;
  let znsTemplate: number;
  let everyone: number;
  let viettelOnly: number;

  const post = (path: string, body: object = {}) => h.http().post(`/api/v1${path}`).set(auth).send(body);
  const get = (path: string) => h.http().get(`/api/v1${path}`).set(auth);
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await h.sql.query(sql, params)).rows as T[];
  const fakeIn = (minutes: number) => new Date(clock.nowMs() + minutes * 60_000).toISOString();
  const base = (extra: object = {}) => ({
    name: 'Nhắc cài Bluezone',
    segmentId: everyone,
    brandname: 'SO TTTT',
    channels: [{ channel: 'sms', templateId: smsTemplate }],
    runAt: fakeIn(2),
    ...extra,
  });
  const runsOf = (id: number) =>
    q<{ id: string; fire_time: Date; status: string; targeted: number; excluded: Record<string, number> }>(
      `SELECT id, fire_time, status, targeted, excluded FROM campaign_runs WHERE campaign_id = $1 ORDER BY fire_time`,
      [id],
    );

  beforeAll(async () => {
    h = await startApi((cfg) => {
      cfg.fakeClock = `${Date.now()},${FAKE_START},${SPEED}`;
      cfg.worker.schedulerIntervalMs = 150;
      cfg.worker.fanoutBatchSize = 7; // several batches even for a small audience
    });
    clock = new Clock(h.cfg);
    auth = { Authorization: `Bearer ${h.adminToken}` };
    await q(`INSERT INTO units (id, code, name, level, parent_id, path, depth) VALUES
      (1, 'P', 'Tỉnh Thái Bình', 'province', NULL, '/1/', 1),
      (2, 'D1', 'Huyện Hưng Hà', 'district', 1, '/1/2/', 2),
      (3, 'D2', 'Huyện Đông Hưng', 'district', 1, '/1/3/', 2)`);
    const carriers = ['viettel', 'vinaphone', 'mobifone', 'viettel', 'vietnamobile'];
    await q(
      `INSERT INTO subscribers (phone, carrier, unit_id)
       SELECT '8490' || lpad(i::text, 7, '0'), ($1::text[])[1 + i % 5], 2 + i % 2 FROM generate_series(1, 40) i`,
      [carriers],
    );
    // One of each exclusion reason (a person may qualify for several: the first in the fixed order counts).
    await q(`UPDATE subscribers SET opted_out_at = now(), installed_at = now() WHERE phone = '84900000001'`);
    await q(`INSERT INTO dnc_numbers (phone) VALUES ('84900000002'), ('84999999999')`);
    await q(`UPDATE subscribers SET installed_at = now() WHERE phone IN ('84900000003', '84900000004')`);
    await q(`UPDATE subscribers SET last_clicked_at = now() WHERE phone = '84900000005'`);
    [{ id: smsTemplate }] = await q<{ id: number }>(
      `INSERT INTO templates (name, channel, body, registrations) VALUES ('sms', 'sms', $1, $2) RETURNING id`,
      [SMS_BODY, JSON.stringify(registrationsFor(h.cfg, SMS_BODY))],
    );
    [{ id: znsTemplate }] = await q<{ id: number }>(
      `INSERT INTO templates (name, channel, zns_template_id, zns_params) VALUES ('zns', 'zns', '123', '{}') RETURNING id`,
    );
    [{ id: everyone }] = await q<{ id: number }>(
      `INSERT INTO segments (name, unit_id, filter) VALUES ('all', 1, '{}') RETURNING id`,
    );
    [{ id: viettelOnly }] = await q<{ id: number }>(
      `INSERT INTO segments (name, unit_id, filter) VALUES ('viettel', 1, '{"carriers":["viettel"]}') RETURNING id`,
    );
    for (let i = 0; i < 3; i++) workers.push(await startWorker(h.cfg));
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) await w.close();
    workers = [];
    await h.close();
  });

  it('validates a campaign and lists every problem', async () => {
    const res = await post('/campaigns', {
      ...base(),
      runAt: undefined,
      scheduleCron: '0 0 8 * * *',
      brandname: 'MUCH TOO LONG NAME',
      startsAt: '2025-03-05T00:00:00Z',
      endsAt: '2025-03-04T00:00:00Z',
      channels: [
        { channel: 'zns', templateId: smsTemplate },
        { channel: 'zns', templateId: znsTemplate },
      ],
    }).expect(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['brandname']));
    const sem = await post('/campaigns', {
      ...base(),
      runAt: undefined,
      scheduleCron: '0 0 8 * * *',
      startsAt: '2025-03-05T00:00:00Z',
      endsAt: '2025-03-04T00:00:00Z',
      channels: [
        { channel: 'zns', templateId: smsTemplate },
        { channel: 'zns', templateId: znsTemplate },
      ],
    }).expect(400);
    expect(sem.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(
      ['channels[0].templateId', 'channels[1].channel', 'endsAt', 'scheduleCron'].sort(),
    );
    await post('/campaigns', base({ segmentId: 9999 })).expect(400);
  });

  it('enforces the state machine with 409s', async () => {
    const { body: c } = await post('/campaigns', base({ runAt: fakeIn(600) })).expect(201);
    expect(c.status).toBe('draft');
    await post(`/campaigns/${c.id}/resume`).expect(409);
    await post(`/campaigns/${c.id}/pause`).expect(409);
    const s = await post(`/campaigns/${c.id}/schedule`).expect(200);
    expect(s.body.status).toBe('scheduled');
    expect(new Date(s.body.nextFireAt).getTime()).toBe(new Date(c.runAt).getTime());
    await post(`/campaigns/${c.id}/schedule`).expect(409);
    await h.http().patch(`/api/v1/campaigns/${c.id}`).set(auth).send({ name: 'x' }).expect(409);
    await h.http().delete(`/api/v1/campaigns/${c.id}`).set(auth).expect(409);
    await post(`/campaigns/${c.id}/pause`).expect(200);
    const edited = await h.http().patch(`/api/v1/campaigns/${c.id}`).set(auth).send({ name: 'renamed' }).expect(200);
    expect(edited.body.name).toBe('renamed');
    const cancelled = await post(`/campaigns/${c.id}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await post(`/campaigns/${c.id}/cancel`).expect(409);
    const { body: d } = await post('/campaigns', base()).expect(201);
    await h.http().delete(`/api/v1/campaigns/${d.id}`).set(auth).expect(200);
    await get(`/campaigns/${d.id}`).expect(404);
    const audit = await q(`SELECT action FROM audit_log WHERE entity = 'campaign' AND entity_id = $1 ORDER BY id`, [
      String(c.id),
    ]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'schedule', 'pause', 'update', 'cancel']);
  });

  it('fans out exactly the preview, skipping installed, clicked, opted-out and DNC people', async () => {
    const { body: c } = await post('/campaigns', base({ runAt: fakeIn(3) })).expect(201);
    const { body: p } = await get(`/campaigns/${c.id}/preview`).expect(200);
    expect(p.excluded.byReason).toEqual({ opted_out: 1, dnc: 1, installed: 2, clicked: 1, frequency_cap: 0 });
    expect(p.matched).toBe(40);
    expect(p.reach.total).toBe(40 - 5);
    expect(p.cost.total).toBeGreaterThan(0);
    await post(`/campaigns/${c.id}/schedule`).expect(200);
    const [run] = await waitFor('the run to be fanned out', async () => {
      const r = await runsOf(c.id);
      return r.length && r[0].status === 'dispatching' ? r : null;
    });
    expect(run.targeted).toBe(p.reach.total);
    expect(run.excluded).toEqual(p.excluded.byReason);
    const byCarrier = await q<{ carrier: string; n: number }>(
      `SELECT carrier, count(*)::int AS n FROM deliveries WHERE run_id = $1 GROUP BY carrier`,
      [run.id],
    );
    expect(Object.fromEntries(byCarrier.map((r) => [r.carrier, r.n]))).toEqual(p.reach.byCarrier);
    const stopped = await q(
      `SELECT 1 FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
        WHERE d.run_id = $1 AND (s.installed_at IS NOT NULL OR s.last_clicked_at IS NOT NULL OR s.opted_out_at IS NOT NULL
              OR s.phone IN (SELECT phone FROM dnc_numbers))`,
      [run.id],
    );
    expect(stopped).toEqual([]);
    const codes = await q<{ link_code: string }>(`SELECT link_code FROM deliveries WHERE run_id = $1`, [run.id]);
    for (const { link_code } of codes)
      expect(link_code).toMatch(new RegExp(`^[A-Za-z0-9]{${h.cfg.links.codeLength}}$`));
    const { body: one } = await get(`/runs/${run.id}`).expect(200);
    expect(one.deliveries).toEqual({ pending: p.reach.total });
    // Cancel marks every pending delivery cancelled in one go, and the run too.
    await post(`/campaigns/${c.id}/cancel`).expect(200);
    const left = await q(`SELECT DISTINCT status FROM deliveries WHERE run_id = $1`, [run.id]);
    expect(left).toEqual([{ status: 'cancelled' }]);
    expect((await runsOf(c.id))[0].status).toBe('cancelled');
  });

  it('applies the frequency cap across campaigns', async () => {
    const { body: a } = await post('/campaigns', base({ segmentId: viettelOnly, runAt: fakeIn(2) })).expect(201);
    await post(`/campaigns/${a.id}/schedule`).expect(200);
    const [ra] = await waitFor('campaign A fanned out', async () => {
      const r = await runsOf(a.id);
      return r[0]?.status === 'dispatching' ? r : null;
    });
    expect(ra.targeted).toBeGreaterThan(0);
    const { body: b } = await post('/campaigns', base({ frequencyCap: 1, runAt: fakeIn(2) })).expect(201);
    const { body: pb } = await get(`/campaigns/${b.id}/preview`).expect(200);
    expect(pb.excluded.byReason.frequency_cap).toBe(ra.targeted);
    await post(`/campaigns/${b.id}/schedule`).expect(200);
    const [rb] = await waitFor('campaign B fanned out', async () => {
      const r = await runsOf(b.id);
      return r[0]?.status === 'dispatching' ? r : null;
    });
    expect(rb.targeted).toBe(pb.reach.total);
    expect(rb.excluded.frequency_cap).toBe(ra.targeted);
    const both = await q(
      `SELECT subscriber_id FROM deliveries WHERE campaign_id IN ($1, $2) GROUP BY subscriber_id HAVING count(*) > 1`,
      [a.id, b.id],
    );
    expect(both).toEqual([]);
    await post(`/campaigns/${a.id}/cancel`).expect(200);
    await post(`/campaigns/${b.id}/cancel`).expect(200);
  });

  it('three workers make exactly one run per minute; pause stops runs and sends; quiet hours are in the estimate', async () => {
    const { body: c } = await post(
      '/campaigns',
      base({ runAt: undefined, scheduleCron: '* * * * *', frequencyCap: 100, segmentId: viettelOnly }),
    ).expect(201);
    await post(`/campaigns/${c.id}/schedule`).expect(200);
    const firstFire = Date.parse((await get(`/campaigns/${c.id}`)).body.nextFireAt);
    await waitFor(
      'six fire times',
      async () => (await runsOf(c.id)).filter((r) => r.status === 'dispatching').length >= 6,
      30_000,
    );
    const { body: paused } = await post(`/campaigns/${c.id}/pause`).expect(200);
    expect(paused.status).toBe('paused');
    // Fan-out in flight when the pause landed may finish its batch; then nothing moves.
    await waitFor('open fan-outs to stop', async () => {
      const r = await q(`SELECT 1 FROM campaign_runs WHERE campaign_id = $1 AND status = 'pending'`, [c.id]);
      return r.length === 0;
    });
    const runs = await runsOf(c.id);
    const times = runs.map((r) => r.fire_time.getTime());
    expect(new Set(times).size).toBe(times.length);
    expect(times[0]).toBe(firstFire);
    times.forEach((t, i) => expect(t).toBe(firstFire + i * 60_000)); // consecutive minutes: none lost, none twice
    expect(runs.every((r) => r.status !== 'skipped')).toBe(true);
    const perRun = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries WHERE campaign_id = $1 GROUP BY run_id`,
      [c.id],
    );
    const viettel = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM subscribers WHERE carrier = 'viettel' AND opted_out_at IS NULL
          AND installed_at IS NULL AND last_clicked_at IS NULL AND phone NOT IN (SELECT phone FROM dnc_numbers)`,
    );
    for (const r of perRun) expect(r.n).toBeLessThanOrEqual(viettel[0].n);

    const before = await q<{ runs: number; deliveries: number }>(
      `SELECT (SELECT count(*) FROM campaign_runs WHERE campaign_id = $1)::int AS runs,
              (SELECT count(*) FROM deliveries WHERE campaign_id = $1)::int AS deliveries`,
      [c.id],
    );
    const pausedAt = clock.nowMs();
    await waitFor('three fake minutes while paused', () => clock.nowMs() > pausedAt + 3 * 60_000);
    const after = await q(
      `SELECT (SELECT count(*) FROM campaign_runs WHERE campaign_id = $1)::int AS runs,
              (SELECT count(*) FROM deliveries WHERE campaign_id = $1)::int AS deliveries`,
      [c.id],
    );
    expect(after).toEqual(before);
    expect(await q(`SELECT DISTINCT status FROM deliveries WHERE campaign_id = $1`, [c.id])).toEqual([
      { status: 'pending' },
    ]);

    // These runs fired after 22:00 in Vietnam (the clock started at 22:57): created all the same, and the
    // preview's duration waits for the window to open at 07:00 the next morning.
    const vnHour = (t: number) => (new Date(t).getUTCHours() + 7) % 24;
    expect(vnHour(times[times.length - 1])).toBe(23);
    const { body: p } = await get(`/campaigns/${c.id}/preview`).expect(200);
    expect(p.duration.window).toEqual({ start: '07:00', end: '22:00' });
    expect(p.reach.total).toBeGreaterThan(0);
    expect(vnHour(Date.parse(p.duration.startsAt))).toBe(23);
    expect(Date.parse(p.duration.finishesAt)).toBeGreaterThan(Date.parse('2025-03-04T00:00:00Z'));
    expect(p.duration.wallSeconds).toBeGreaterThan(7 * 3600);

    // Resume: the schedule continues from now, fire times passed while paused are not made up.
    const { body: resumed } = await post(`/campaigns/${c.id}/resume`).expect(200);
    expect(resumed.status).toBe('running');
    expect(Date.parse(resumed.nextFireAt)).toBeGreaterThan(clock.nowMs() - 60_000);
    await post(`/campaigns/${c.id}/cancel`).expect(200);
  }, 60_000);
});
