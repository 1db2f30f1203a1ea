import { INestApplicationContext } from '@nestjs/common';
import { AppConfig, addDays } from '@loa/core';
import { ApiHarness, startApi, waitFor } from '@loa/testing';
import { fastTracking, seedCampaign, seedDelivery, seedUnits, startTrackingWorker, Units } from './tracking.fixtures';

jest.setTimeout(30_000);

const COUNTS = ['targeted', 'sent', 'delivered', 'failed', 'expired', 'clicked', 'installed'] as const;
type Counts = Record<(typeof COUNTS)[number], number>;
interface Overview {
  campaigns: (Counts & {
    id: number;
    name: string;
    unitId: number | null;
    lastRun: (Counts & { id: string }) | null;
  })[];
  totals: Counts;
}
const add = (rows: Counts[]): Counts =>
  Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((a, r) => a + r[k], 0)])) as Counts;

// 06:30 in Hà Nội, still the day before in UTC: the hours in which a UTC date range drops today.
const NOW = Date.parse('2026-12-01T23:30:00Z');

describe('dashboard figures (e2e)', () => {
  let h: ApiHarness;
  let worker: INestApplicationContext;
  let u: Units;
  const campaigns: Record<string, number> = {};

  beforeAll(async () => {
    h = await startApi((cfg: AppConfig) => {
      fastTracking(cfg);
      cfg.fakeClock = `${Date.now()},${NOW},1`;
    });
    worker = await startTrackingWorker(h.cfg);
    u = await seedUnits(h.sql);
    const national = await seedCampaign(h.sql, null);
    const province = await seedCampaign(h.sql, u.province);
    const districtA = await seedCampaign(h.sql, u.districtA);
    const districtB = await seedCampaign(h.sql, u.districtB);
    Object.assign(campaigns, {
      national: national.campaignId,
      province: province.campaignId,
      districtA: districtA.campaignId,
      districtB: districtB.campaignId,
    });
    const plan: [typeof national, number, string][] = [
      [national, u.communeA1, 'delivered'],
      [national, u.communeA2, 'failed'],
      [national, u.communeB1, 'delivered'],
      [province, u.communeA1, 'sent'],
      [province, u.communeB1, 'delivered'],
      [districtA, u.communeA1, 'delivered'],
      [districtA, u.communeA2, 'pending'],
      [districtB, u.communeB1, 'delivered'],
    ];
    for (const [c, unitId, status] of plan) {
      await seedDelivery(h.sql, { ...c, unitId, status, gatewayId: status === 'pending' ? undefined : 'esms' });
    }
    const { rows } = await h.sql.query(`SELECT count(*)::int AS n FROM deliveries`);
    await waitFor('roll-up', async () => {
      const o = await overview(h.adminToken);
      return o.totals.targeted === rows[0].n;
    });
  });
  afterAll(async () => {
    await worker?.close();
    await h?.close();
  });

  async function overview(token: string): Promise<Overview> {
    return (
      await h
        .http()
        .get('/api/v1/stats/overview')
        .set({ Authorization: `Bearer ${token}` })
        .expect(200)
    ).body;
  }

  it("a district's totals equal the sum of its campaigns, national campaigns included, counted in the district", async () => {
    const key = await h.key('analyst', u.districtA);
    const o = await overview(key);
    expect(o.totals).toEqual(add(o.campaigns));
    // Listed: its own campaign, and the national and provincial ones that sent to its communes — not district B's.
    expect(o.campaigns.map((c) => c.id).sort()).toEqual(
      [campaigns.national, campaigns.province, campaigns.districtA].sort(),
    );
    expect(o.campaigns.find((c) => c.id === campaigns.national)).toMatchObject({
      unitId: null,
      targeted: 2, // of its 3 messages, the 2 sent to district A's communes
      delivered: 1,
      failed: 1,
    });
    // The same figures as the rest of the API and as the deliveries themselves.
    const byDay = await h
      .http()
      .get('/api/v1/stats?groupBy=day')
      .set({ Authorization: `Bearer ${key}` })
      .expect(200);
    expect(add(byDay.body).targeted).toBe(o.totals.targeted);
    expect(add(byDay.body).delivered).toBe(o.totals.delivered);
    const { rows } = await h.sql.query(
      `SELECT count(*)::int AS targeted, count(*) FILTER (WHERE status = 'delivered')::int AS delivered
         FROM deliveries WHERE unit_id IN ($1, $2)`,
      [u.communeA1, u.communeA2],
    );
    expect({ targeted: o.totals.targeted, delivered: o.totals.delivered }).toEqual(rows[0]);
    // The old list endpoint answers the same rows.
    const list = await h
      .http()
      .get('/api/v1/stats/campaigns')
      .set({ Authorization: `Bearer ${key}` })
      .expect(200);
    expect(list.body).toEqual(o.campaigns);
  });

  it('the national view adds every campaign up, and a run bar is the row of its latest run', async () => {
    const o = await overview(h.adminToken);
    expect(o.totals).toEqual(add(o.campaigns));
    expect(o.campaigns).toHaveLength(4);
    for (const c of o.campaigns) expect(c.lastRun).toMatchObject({ targeted: c.targeted, delivered: c.delivered });
  });

  it('links the progress report over the last 30 Vietnam dates, today included before 07:00', async () => {
    const session = await h.signIn(h.adminToken);
    const res = await h.http().get('/dashboard').set('Cookie', session).expect(200);
    const today = '2026-12-02'; // 23:30 UTC on the 1st
    expect(res.text).toContain(`/dashboard/reports/progress?from=${addDays(today, -29)}&amp;to=${today}"`);
    const report = await h
      .http()
      .get(`/dashboard/reports/progress?from=${addDays(today, -29)}&to=${today}`)
      .set('Cookie', session)
      .expect(200);
    expect(report.text).toContain('<b>03/11/2026</b>');
    expect(report.text).toContain('<b>02/12/2026</b>');
  });
});
