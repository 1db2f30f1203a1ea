import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppConfig, CoreModule } from '@loa/core';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '@loa/testing';
import { audienceSelectSql, AudienceSpec } from './audience.sql';
import { CampaignsModule } from './campaigns.module';
import { FanoutService } from './fanout.service';

/**
 * The fan-out path's set-based pieces: the per-batch frequency cap (one aggregate per id range) decides exactly as
 * the whole-audience form the preview uses, and a batch whose range already holds deliveries of the run is redone
 * without duplicates. Frozen clock; batches of 7 so ranges cut through the fixture.
 */
const NOW = Date.parse('2025-03-03T03:30:00Z');
const HOUR = 3600_000;

describe('fan-out batches (integration)', () => {
  let cfg: AppConfig;
  let app: INestApplicationContext;
  let sql: Client;
  let fanout: FanoutService;
  let segment: number;
  let template: number;
  const q = async <T = Record<string, unknown>>(s: string, p: unknown[] = []) => (await sql.query(s, p)).rows as T[];

  const campaign = async (frequencyCap: number) => {
    const [{ id }] = await q<{ id: number }>(
      `INSERT INTO campaigns (name, segment_id, status, brandname, channels, frequency_cap, cap_window_hours)
       VALUES ('c', $1, 'running', 'B', $2, $3, 24) RETURNING id`,
      [segment, JSON.stringify([{ channel: 'sms', templateId: template }]), frequencyCap],
    );
    return id;
  };
  const newRun = async (campaignId: number, fire: Date) =>
    (
      await q<{ id: string }>(
        `INSERT INTO campaign_runs (campaign_id, fire_time, expires_at) VALUES ($1, $2, $2::timestamptz + interval '12 hours')
         RETURNING id::text AS id`,
        [campaignId, fire],
      )
    )[0].id;
  /** Deliveries of an earlier run for the given subscribers, created `hoursAgo` before NOW. */
  const earlier = async (run: string, campaignId: number, ids: number[], hoursAgo: number, status = 'sent') =>
    q(
      `INSERT INTO deliveries (run_id, campaign_id, subscriber_id, phone, carrier, link_code, status, created_at)
       SELECT $1::bigint, $2, s.id, s.phone, s.carrier, '~' || $1::text || '-' || s.id, $4, $5 FROM subscribers s WHERE s.id = ANY($3)`,
      [run, campaignId, ids, status, new Date(NOW - hoursAgo * HOUR)],
    );

  beforeAll(async () => {
    cfg = testConfig(uniqueName(), (c) => {
      c.fakeClock = `${Date.now()},${NOW},0`;
      c.worker.fanoutBatchSize = 7;
    });
    await createTestDatabase(cfg);
    sql = await sqlClient(cfg);
    @Module({ imports: [CoreModule.forRoot(cfg), CampaignsModule], providers: [FanoutService] })
    class M {}
    app = await NestFactory.createApplicationContext(M, { logger: ['error'] });
    fanout = app.get(FanoutService);
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

  it('caps per batch exactly as the whole-audience form counts', async () => {
    const other = await campaign(100);
    const [a, b] = [await newRun(other, new Date(NOW - 5 * HOUR)), await newRun(other, new Date(NOW - 30 * HOUR))];
    await earlier(a, other, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5); // one recent delivery each
    await earlier(b, other, [1, 2, 3, 4, 5, 6, 7], 2); // a second recent one: 1–7 reach a cap of 2 …
    await q(`UPDATE deliveries SET status = 'failed' WHERE run_id = $1 AND subscriber_id IN (6, 7)`, [b]); // … not 6, 7
    await q(`UPDATE deliveries SET created_at = $2 WHERE run_id = $1 AND subscriber_id = 5`, [
      b,
      new Date(NOW - 30 * HOUR),
    ]);
    await earlier(b, other, [10], 1); // 10 is capped too, but installed comes first

    const c = await campaign(2);
    const run = await newRun(c, new Date(NOW));
    const spec: AudienceSpec = {
      segment: { filter: {}, unitId: null },
      campaignUnitId: null,
      frequencyCap: 2,
      capWindowHours: 24,
      stopOnClick: true,
      stopOnInstall: true,
      runId: run,
    };
    const whole = async () => {
      const params: unknown[] = [new Date(NOW)];
      return q<{ id: string; reason: string | null }>(
        `SELECT id::text, reason FROM (${audienceSelectSql(spec, params, '$1::timestamptz')}) x ORDER BY x.id`,
        params,
      );
    };
    const byRange = async () => {
      const rows: { id: string; reason: string | null }[] = [];
      for (let lower = 0; lower < 30; lower += 7) {
        const params: unknown[] = [new Date(NOW)];
        const select = audienceSelectSql(spec, params, '$1::timestamptz', {
          lower: String(lower),
          upper: String(lower + 7),
        });
        rows.push(
          ...(await q<{ id: string; reason: string | null }>(
            `SELECT id::text, reason FROM (${select}) x ORDER BY x.id`,
            params,
          )),
        );
      }
      return rows;
    };
    const expected = await whole();
    expect(expected.filter((r) => r.reason === 'frequency_cap').map((r) => Number(r.id))).toEqual([1, 2, 3, 4]);
    expect(await byRange()).toEqual(expected);

    expect(await fanout.fanOut(run)).toBe('done');
    const [r] = await q(`SELECT targeted, excluded FROM campaign_runs WHERE id = $1`, [run]);
    expect(r).toEqual({
      targeted: 23,
      excluded: { opted_out: 0, dnc: 0, installed: 3, clicked: 0, frequency_cap: 4 },
    });
    const got = await q<{ id: string }>(
      `SELECT subscriber_id::text AS id FROM deliveries WHERE run_id = $1 ORDER BY 1`,
      [run],
    );
    expect(got.map((g) => g.id).sort()).toEqual(
      expected
        .filter((e) => e.reason === null)
        .map((e) => e.id)
        .sort(),
    );
    // The run's own deliveries never count against it: the same ranges now decide the same way.
    expect(await byRange()).toEqual(expected);
  });

  it('redoes a batch whose range already holds deliveries of the run, without duplicates', async () => {
    const c = await campaign(100);
    const run = await newRun(c, new Date(NOW + HOUR));
    // Rows of this run in the second batch's range while the cursor is still at 0 (left by hand, or by a worker
    // whose batch committed without its cursor — which fan-out itself never does).
    await earlier(run, c, [9, 11], 0, 'pending');
    expect(await fanout.fanOut(run)).toBe('done');
    const rows = await q<{ subscriber_id: string; n: number; code: string }>(
      `SELECT subscriber_id::text, count(*)::int AS n, min(link_code) AS code FROM deliveries WHERE run_id = $1
        GROUP BY subscriber_id ORDER BY subscriber_id`,
      [run],
    );
    expect(rows).toHaveLength(27);
    expect(rows.every((x) => x.n === 1)).toBe(true);
    expect(rows.filter((x) => x.code.startsWith('~')).map((x) => x.subscriber_id)).toEqual(['11', '9']);
    const [r] = await q(`SELECT status, targeted, excluded FROM campaign_runs WHERE id = $1`, [run]);
    // targeted counts the rows this fan-out created; the two found in place were not.
    expect(r).toMatchObject({ status: 'dispatching', targeted: 25, excluded: { installed: 3 } });
  });
});
