import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppConfig, CoreModule } from '@loa/core';
import { CampaignsModule, FanoutService, SchedulerService } from '@loa/campaigns';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '@loa/testing';

/** Fan-out resumption and the scheduler's missed-fire policy, on a frozen clock (speed 0). */
const NOW = Date.parse('2025-03-03T03:30:00Z'); // 10:30 in Vietnam

describe('campaign fan-out and scheduler (integration)', () => {
  let cfg: AppConfig;
  let app: INestApplicationContext;
  let sql: Client;
  let fanout: FanoutService;
  let scheduler: SchedulerService;
  let segment: number;
  let template: number;
  const q = async <T = Record<string, unknown>>(s: string, p: unknown[] = []) => (await sql.query(s, p)).rows as T[];

  const campaign = async (extra: Record<string, unknown> = {}) => {
    const cols = { name: 'c', segment_id: segment, status: 'running', brandname: 'B', ...extra };
    const [{ id }] = await q<{ id: number }>(
      `INSERT INTO campaigns (${Object.keys(cols).join(', ')}, channels)
       VALUES (${Object.keys(cols).map((_, i) => `$${i + 1}`)}, $${Object.keys(cols).length + 1}) RETURNING id`,
      [...Object.values(cols), JSON.stringify([{ channel: 'sms', templateId: template }])],
    );
    return id;
  };
  const newRun = async (campaignId: number, fire = new Date(NOW)) =>
    (
      await q<{ id: string }>(
        `INSERT INTO campaign_runs (campaign_id, fire_time, expires_at) VALUES ($1, $2, $2::timestamptz + interval '12 hours')
         RETURNING id::text AS id`,
        [campaignId, fire],
      )
    )[0].id;

  beforeAll(async () => {
    cfg = testConfig(uniqueName(), (c) => {
      c.fakeClock = `${Date.now()},${NOW},0`;
      c.worker.fanoutBatchSize = 7;
    });
    await createTestDatabase(cfg);
    sql = await sqlClient(cfg);
    @Module({ imports: [CoreModule.forRoot(cfg), CampaignsModule], providers: [FanoutService, SchedulerService] })
    class M {}
    app = await NestFactory.createApplicationContext(M, { logger: ['error'] });
    fanout = app.get(FanoutService);
    scheduler = app.get(SchedulerService);
    await q(
      `INSERT INTO subscribers (phone, carrier) SELECT '8491' || lpad(i::text, 7, '0'), 'viettel' FROM generate_series(1, 30) i`,
    );
    await q(`UPDATE subscribers SET installed_at = now() WHERE id % 10 = 0`);
    [{ id: segment }] = await q<{ id: number }>(
      `INSERT INTO segments (name, filter) VALUES ('all', '{}') RETURNING id`,
    );
    [{ id: template }] = await q<{ id: number }>(
      `INSERT INTO templates (name, channel, body) VALUES ('t', 'sms', 'x {{link}}') RETURNING id`,
    );
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await sql?.end();
    await dropTestDatabase(cfg);
  });

  it('resumes a run after a crash between batches without duplicates or double counts', async () => {
    const c = await campaign({ frequency_cap: 100 });
    const run = await newRun(c);
    expect(await fanout.fanOut(run)).toBe('done');
    const [full] = await q<{ targeted: number; excluded: object }>(
      `SELECT targeted, excluded FROM campaign_runs WHERE id = $1`,
      [run],
    );
    expect(full.targeted).toBe(27);
    expect(full.excluded).toMatchObject({ installed: 3 });
    const codes = await q<{ link_code: string }>(`SELECT link_code FROM deliveries WHERE run_id = $1 ORDER BY id`, [
      run,
    ]);
    // The state a worker killed after its second batch leaves behind (batches commit atomically with the cursor).
    await q(`DELETE FROM deliveries WHERE run_id = $1 AND subscriber_id > 14`, [run]);
    await q(
      `UPDATE campaign_runs SET status = 'fanning_out', fanout_cursor = 14, excluded = '{"installed": 1}',
              targeted = (SELECT count(*) FROM deliveries WHERE run_id = $1) WHERE id = $1`,
      [run],
    );
    expect(await fanout.fanOut(run)).toBe('done');
    const [again] = await q(`SELECT targeted, excluded, status FROM campaign_runs WHERE id = $1`, [run]);
    expect(again).toMatchObject({ targeted: 27, excluded: full.excluded, status: 'dispatching' });
    const after = await q<{ link_code: string }>(`SELECT link_code FROM deliveries WHERE run_id = $1 ORDER BY id`, [
      run,
    ]);
    expect(after).toHaveLength(27);
    expect(after.slice(0, 12)).toEqual(codes.slice(0, 12)); // the committed batches were not redone
    // A finished run is left alone.
    expect(await fanout.fanOut(run)).toBe('gone');
  });

  it('stops at a paused campaign and continues after resume', async () => {
    const c = await campaign({ status: 'paused', frequency_cap: 100 });
    const run = await newRun(c);
    expect(await fanout.fanOut(run)).toBe('stopped');
    expect(await q(`SELECT 1 FROM deliveries WHERE run_id = $1`, [run])).toEqual([]);
    await q(`UPDATE campaigns SET status = 'running' WHERE id = $1`, [c]);
    expect(await fanout.fanOut(run)).toBe('done');
  });

  it('runs only the latest missed fire time and records the others as skipped', async () => {
    // Every 10 minutes, last seen 5 h ago: 30 missed fire times plus the one at 10:30.
    const c = await campaign({
      schedule_cron: '*/10 * * * *',
      next_fire_at: new Date(NOW - 5 * 3600_000),
      frequency_cap: 100,
    });
    const [a, b] = await Promise.all([scheduler.fire(c, new Date(NOW)), scheduler.fire(c, new Date(NOW))]);
    expect([...a, ...b]).toHaveLength(1); // two schedulers at once: one run
    const runs = await q<{ fire_time: Date; status: string; note: string | null }>(
      `SELECT fire_time, status, note FROM campaign_runs WHERE campaign_id = $1 ORDER BY fire_time`,
      [c],
    );
    expect(runs).toHaveLength(31);
    expect(runs.filter((r) => r.status === 'pending').map((r) => r.fire_time.getTime())).toEqual([NOW]);
    expect(runs.slice(0, 30).every((r) => r.status === 'skipped' && r.note?.startsWith('missed'))).toBe(true);
    const [camp] = await q(`SELECT next_fire_at, last_fire_at FROM campaigns WHERE id = $1`, [c]);
    expect(camp).toEqual({ next_fire_at: new Date(NOW + 10 * 60_000), last_fire_at: new Date(NOW) });
  });

  it('caps skipped rows and skips a latest fire time past its validity', async () => {
    // Every minute, down for 3 days, validity 1 h: runs the 10:30 one, writes 100 skipped rows, no more.
    const c = await campaign({
      schedule_cron: '* * * * *',
      next_fire_at: new Date(NOW - 3 * 86_400_000),
      validity_hours: 1,
    });
    await scheduler.fire(c, new Date(NOW));
    const [counts] = await q(
      `SELECT count(*) FILTER (WHERE status = 'skipped')::int AS skipped, count(*) FILTER (WHERE status = 'pending')::int AS pending
         FROM campaign_runs WHERE campaign_id = $1`,
      [c],
    );
    expect(counts).toEqual({ skipped: 100, pending: 1 });
    const [oldest] = await q<{ note: string }>(
      `SELECT note FROM campaign_runs WHERE campaign_id = $1 ORDER BY fire_time LIMIT 1`,
      [c],
    );
    expect(oldest.note).toMatch(/not recorded/);
    // Daily at 08:00, validity 1 h, seen at 10:30: the only due fire time is stale, so nothing runs.
    const d = await campaign({
      schedule_cron: '0 8 * * *',
      next_fire_at: new Date(NOW - 2.5 * 3600_000),
      validity_hours: 1,
    });
    expect(await scheduler.fire(d, new Date(NOW))).toEqual([]);
    expect(await q(`SELECT status FROM campaign_runs WHERE campaign_id = $1`, [d])).toEqual([{ status: 'skipped' }]);
  }, 30_000); // enumerating a day of minutely fire times takes cron ~1 s of CPU
});
