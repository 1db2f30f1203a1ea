import { Clock } from '@loa/core';
import { ApiHarness, registrationsFor, startApi, startWorkerProcess, waitFor, WorkerProcess } from '@loa/testing';

/**
 * The scheduler as production runs it: three real worker processes (`node dist/apps/worker/src/main.js`, every
 * domain module loaded) racing on one every-minute campaign, sharing a 60× fake clock with the api. Each fire
 * time must produce exactly one run, each run one delivery per person. The clock starts at 22:57 in Vietnam, so
 * the dispatcher holds every message for the 07:00 window and no gateway is needed.
 */
const SPEED = 60;
const FAKE_START = Date.parse('2025-03-03T15:57:00Z');
const AUDIENCE = 30;

describe('scheduler with three worker processes (e2e)', () => {
  let h: ApiHarness;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    h = await startApi((cfg) => {
      cfg.fakeClock = `${Date.now()},${FAKE_START},${SPEED}`;
      cfg.worker.schedulerIntervalMs = 100;
    });
    await h.sql.query(
      `INSERT INTO units (id, code, name, level, path, depth) VALUES (1, 'P', 'Thái Bình', 'province', '/1/', 0)`,
    );
    await h.sql.query(
      `INSERT INTO subscribers (phone, carrier, unit_id)
       SELECT '8498' || lpad(i::text, 7, '0'), 'viettel', 1 FROM generate_series(1, $1::int) i`,
      [AUDIENCE],
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await h.close();
  });

  it('makes exactly one run per fire time, each with one delivery per person', async () => {
    const auth = { Authorization: `Bearer ${h.adminToken}` };
    const body = 'Cai Bluezone: {{link}}';
    const { body: seg } = await h
      .http()
      .post('/api/v1/segments')
      .set(auth)
      .send({ name: 'all', filter: {} })
      .expect(201);
    const { body: tpl } = await h
      .http()
      .post('/api/v1/templates')
      .set(auth)
      .send({ name: 'sms', channel: 'sms', body, registrations: registrationsFor(h.cfg, body) })
      .expect(201);
    const { body: c } = await h
      .http()
      .post('/api/v1/campaigns')
      .set(auth)
      .send({
        name: 'every minute',
        segmentId: seg.id,
        brandname: 'SO TTTT',
        channels: [{ channel: 'sms', templateId: tpl.id }],
        scheduleCron: '* * * * *',
        frequencyCap: 100,
      })
      .expect(201);
    await h.http().post(`/api/v1/campaigns/${c.id}/schedule`).set(auth).expect(200);

    workers = await Promise.all([1, 2, 3].map((i) => startWorkerProcess(h.cfg, { name: `sched-${process.pid}-${i}` })));
    const runs = async () =>
      (
        await h.sql.query(
          `SELECT r.fire_time, r.status, (SELECT count(*)::int FROM deliveries d WHERE d.run_id = r.id) AS n
             FROM campaign_runs r WHERE r.campaign_id = $1 ORDER BY r.fire_time`,
          [c.id],
        )
      ).rows as { fire_time: Date; status: string; n: number }[];
    await waitFor(
      'eight fanned-out runs',
      async () => (await runs()).filter((r) => r.status === 'dispatching' || r.status === 'completed').length >= 9,
      90_000,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${workers.map((w) => w.tail(15)).join('\n')}`);
    });
    await h.http().post(`/api/v1/campaigns/${c.id}/pause`).set(auth).expect(200);
    await waitFor('fan-outs to settle', async () =>
      (await runs()).every((r) => r.status !== 'pending' && r.status !== 'fanning_out'),
    );

    const all = await runs();
    const times = all.map((r) => r.fire_time.getTime());
    expect(new Set(times).size).toBe(times.length);
    times.forEach((t, i) => expect(t - times[0]).toBe(i * 60_000)); // consecutive minutes: none twice, none lost
    // Fire times that passed while the workers were still booting are recorded as skipped (the missed-fire
    // policy); from the first run on, every minute runs.
    const first = all.findIndex((r) => r.status !== 'skipped');
    expect(first).toBeGreaterThanOrEqual(0);
    const live = all.slice(first);
    expect(live.length).toBeGreaterThanOrEqual(8);
    expect(live.every((r) => r.status !== 'skipped')).toBe(true);
    for (const r of live) expect(r.n).toBe(AUDIENCE);
    // All three processes were alive throughout (none crashed and left the work to the others).
    expect(workers.every((w) => w.running)).toBe(true);
    expect(new Clock(h.cfg).nowMs()).toBeGreaterThan(times[times.length - 1]);
  }, 150_000);
});
