import { INestApplicationContext } from '@nestjs/common';
import { ApiHarness, startApi, waitFor } from '@loa/testing';
import { fastTracking, seedCampaign, seedDelivery, seedUnits, startTrackingWorker, Units } from './tracking.fixtures';

// Asynchronous application (worker loops) is awaited with waitFor; leave room on a loaded machine.
jest.setTimeout(30_000);

interface Row {
  key: string;
  targeted: number;
  sent: number;
  delivered: number;
  failed: number;
  clicked: number;
  installed: number;
  failures: Record<string, number>;
}

describe('statistics and the progress report (e2e)', () => {
  let h: ApiHarness;
  let worker: INestApplicationContext;
  let u: Units;
  let auth: { Authorization: string };
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

  beforeAll(async () => {
    h = await startApi(fastTracking);
    worker = await startTrackingWorker(h.cfg);
    auth = { Authorization: `Bearer ${h.adminToken}` };
    u = await seedUnits(h.sql);
    const a = await seedCampaign(h.sql, u.province);
    const b = await seedCampaign(h.sql, u.districtA);
    // A spread of outcomes across communes, carriers and two campaigns.
    const plan: [typeof a, number, string, string][] = [
      [a, u.communeA1, 'viettel', 'delivered'],
      [a, u.communeA1, 'viettel', 'delivered'],
      [a, u.communeA1, 'mobifone', 'failed'],
      [a, u.communeA2, 'vinaphone', 'sent'],
      [a, u.communeB1, 'viettel', 'delivered'],
      [a, u.communeB1, 'viettel', 'failed'],
      [b, u.communeA2, 'viettel', 'delivered'],
      [b, u.communeA2, 'mobifone', 'pending'],
    ];
    const made = [];
    for (const [c, unitId, carrier, status] of plan) {
      made.push(
        await seedDelivery(h.sql, {
          ...c,
          unitId,
          carrier,
          status,
          gatewayId: status === 'pending' ? undefined : 'esms',
        }),
      );
    }
    await h.sql.query(
      `UPDATE deliveries SET delivered_at = sent_at + interval '3 seconds' WHERE status = 'delivered';
       UPDATE deliveries SET error_code = 'SendStatus-6' WHERE status = 'failed'`,
    );
    await h.sql.query(`UPDATE deliveries SET first_clicked_at = now() WHERE id = ANY($1)`, [[made[0].id, made[6].id]]);
    await h.http().post('/api/v1/installs').set(auth).send([made[0].phone]).expect(200);
  });
  afterAll(async () => {
    await worker?.close();
    await h?.close();
  });

  const stats = async (query: string): Promise<Row[]> =>
    (await h.http().get(`/api/v1/stats?${query}`).set(auth).expect(200)).body;

  /** The roll-up is asynchronous: wait until the API's totals equal what the deliveries table holds. */
  async function settled(): Promise<void> {
    const { rows } = await h.sql.query(`SELECT count(*)::int AS n FROM deliveries`);
    await waitFor('roll-up', async () => {
      const r = await stats('groupBy=campaign');
      return r.reduce((a, x) => a + x.targeted, 0) === rows[0].n && r.reduce((a, x) => a + x.installed, 0) === 1;
    });
  }

  it('equals direct SQL counts per carrier and per campaign', async () => {
    await settled();
    for (const [groupBy, col] of [
      ['carrier', 'carrier'],
      ['campaign', 'campaign_id::text'],
    ]) {
      const { rows } = await h.sql.query(
        `SELECT ${col} AS key, count(*)::int AS targeted,
                count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
                count(*) FILTER (WHERE status = 'failed')::int AS failed,
                count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
                count(*) FILTER (WHERE first_clicked_at IS NOT NULL)::int AS clicked
           FROM deliveries GROUP BY 1 ORDER BY 1`,
      );
      const api = await stats(`groupBy=${groupBy}`);
      expect(
        api.map((r) => ({
          key: r.key,
          targeted: r.targeted,
          delivered: r.delivered,
          failed: r.failed,
          sent: r.sent,
          clicked: r.clicked,
        })),
      ).toEqual(rows);
    }
  });

  it('reports failure reasons, rates and latency', async () => {
    await settled();
    const [all] = await stats(`groupBy=day&from=${today}&to=${today}`);
    const { rows } = await h.sql.query(
      `SELECT error_code, count(*)::int AS n FROM deliveries WHERE status = 'failed' GROUP BY 1`,
    );
    expect(all.failures).toEqual(Object.fromEntries(rows.map((r) => [r.error_code, r.n])));
    expect(all).toMatchObject({ deliveryRate: expect.any(Number), latencyP50S: expect.any(Number) });
  });

  it('rolls units up to their parents', async () => {
    await settled();
    const byDistrict = await stats(`groupBy=unit&unitId=${u.province}`);
    const { rows } = await h.sql.query(
      `SELECT g.id::text AS key, count(*)::int AS targeted FROM deliveries d JOIN units x ON x.id = d.unit_id
         JOIN units g ON g.parent_id = $1 AND x.path LIKE g.path || '%' GROUP BY g.id ORDER BY 1`,
      [u.province],
    );
    expect(byDistrict.map((r) => ({ key: r.key, targeted: r.targeted }))).toEqual(rows);
  });

  it('progress report: communes add up to districts and districts to the province (JSON, CSV, HTML)', async () => {
    await settled();
    const res = await h.http().get(`/api/v1/reports/progress?from=${today}&to=${today}`).set(auth).expect(200);
    const by = new Map<number, { targeted: number; delivered: number; installed: number; clicked: number }>(
      res.body.map((r: { unitId: number }) => [r.unitId, r]),
    );
    const { rows } = await h.sql.query(`SELECT unit_id, count(*)::int AS n FROM deliveries GROUP BY 1`);
    const direct = Object.fromEntries(rows.map((r) => [r.unit_id, r.n]));
    expect(by.get(u.communeA1)!.targeted).toBe(direct[u.communeA1]);
    expect(by.get(u.districtA)!.targeted).toBe(direct[u.communeA1] + direct[u.communeA2]);
    expect(by.get(u.province)!.targeted).toBe(by.get(u.districtA)!.targeted + by.get(u.districtB)!.targeted);
    expect(by.get(u.province)!.installed).toBe(1);
    expect(by.get(u.districtA)!.installed).toBe(1);

    const csv = await h.http().get(`/api/v1/reports/progress.csv?from=${today}&to=${today}`).set(auth).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toMatch(/Huyện Hưng Hà/);
    const html = await h.http().get(`/dashboard/reports/progress?from=${today}&to=${today}`).set(auth).expect(200);
    expect(html.text).toMatch(/Báo cáo/);
  });

  it('is scoped to the key’s unit', async () => {
    await settled();
    const key = await h.key('analyst', u.districtB);
    const res = await h
      .http()
      .get('/api/v1/stats?groupBy=carrier')
      .set({ Authorization: `Bearer ${key}` })
      .expect(200);
    const { rows } = await h.sql.query(`SELECT count(*)::int AS n FROM deliveries WHERE unit_id = $1`, [u.communeB1]);
    expect(res.body.reduce((a: number, r: Row) => a + r.targeted, 0)).toBe(rows[0].n);
    await h
      .http()
      .get(`/api/v1/stats?groupBy=unit&unitId=${u.districtA}`)
      .set({ Authorization: `Bearer ${key}` })
      .expect(403);
  });

  it('exports a run’s failures per recipient as CSV, and validates the query', async () => {
    const { rows } = await h.sql.query(
      `SELECT run_id::text, count(*)::int AS n FROM deliveries WHERE status = 'failed' GROUP BY 1`,
    );
    const res = await h.http().get(`/api/v1/stats/failures.csv?runId=${rows[0].run_id}`).set(auth).expect(200);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toMatch(/phone,name,unit,reason/);
    expect(lines).toHaveLength(rows[0].n + 1);
    const bad = await h.http().get('/api/v1/stats?groupBy=planet').set(auth).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['groupBy']);
  });
});
