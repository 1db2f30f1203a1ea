import { ApiHarness, startApi } from '@loa/testing';
import { seedWorld, World } from './openapi-scope.world';

jest.setTimeout(60_000);

/**
 * Issue 11, item 11: what a district learnt of another through answers that were not lists — the unit name in a
 * template's longest rendering, a run's status in `stats/live`, the wording of a 409. The sweep
 * (openapi-scope.e2e-spec.ts) shows none of B's strings reach A; these show what A gets instead.
 */
describe("another district's data in previews, live runs and 409s (e2e)", () => {
  let h: ApiHarness;
  let w: World;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    h = await startApi();
    w = await seedWorld(h);
  });
  afterAll(() => h?.close());

  it("a preview renders the longest unit name of the caller's own area", async () => {
    const tpl = { channel: 'sms', body: '{{unit}}', unaccented: false };
    const preview = async (token: string) =>
      (await h.http().post('/api/v1/templates/preview').set(as(token)).send(tpl).expect(200)).body.longest.text;
    // The country's longest unit name is B's commune; A's analyst is measured with A's own longest name.
    expect(await preview(h.adminToken)).toBe('Xã Qbeta Thượng Nguồn Hẻo Lánh Xa Xôi Nhất Vùng Cao');
    expect(await preview(w.a.keys.analyst)).toBe('Xã Qalpha Đông');
    const saved = await h
      .http()
      .post('/api/v1/templates')
      .set(as(w.a.keys.operator))
      .send({ name: 't', ...tpl })
      .expect(201);
    expect(saved.body.longest.text).toBe('Xã Qalpha Đông');
  });

  it("a campaign's estimate is measured with its own area's unit names", async () => {
    const body = { channel: 'sms', body: `Qalpha Người {{unit}} {{link}}` };
    const longest = async (token: string) =>
      (await h.http().post('/api/v1/templates/preview').set(as(token)).send(body).expect(200)).body.longest.characters;
    const campaign = {
      name: 'c',
      unitId: w.a.district,
      segmentId: w.a.segmentId,
      brandname: 'SOTTTT',
      channels: [{ channel: 'sms', templateId: w.a.templateId }],
      runAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const preview = async (token: string) =>
      (await h.http().post('/api/v1/campaigns/preview').set(as(token)).send(campaign).expect(200)).body.message.sms;
    const mine = await preview(w.a.keys.operator);
    expect(mine.characters).toBe(await longest(w.a.keys.operator));
    // The same campaign under the national admin is the district's own campaign too (unit A): the same figure.
    expect((await preview(h.adminToken)).characters).toBe(mine.characters);
    expect(await longest(h.adminToken)).toBeGreaterThan(mine.characters);
  });

  it('stats/live answers a run of another district as a run that does not exist', async () => {
    const live = (token: string, runId: string) => h.http().get('/api/v1/stats/live').query({ runId }).set(as(token));
    const other = await live(w.a.keys.analyst, w.b.runId).expect(404);
    const missing = await live(w.a.keys.analyst, '999999').expect(404);
    expect(other.body.message.replace(w.b.runId, 'N')).toBe(missing.body.message.replace('999999', 'N'));
    expect((await live(w.a.keys.analyst, w.a.runId).expect(200)).body).toMatchObject({ status: 'dispatching' });
    expect((await live(h.adminToken, w.b.runId).expect(200)).body).toMatchObject({ status: 'dispatching' });

    // A national campaign's run shows to a district it sent to (counted there only), not to one it did not.
    const [{ id: campaignId }] = (
      await h.sql.query(
        `INSERT INTO campaigns (name, segment_id, status, brandname, channels) VALUES ('national', $1, 'running', 'SOTTTT', '[]')
         RETURNING id`,
        [w.a.segmentId],
      )
    ).rows;
    const [{ id: runId }] = (
      await h.sql.query(
        `INSERT INTO campaign_runs (campaign_id, fire_time, status, expires_at)
         VALUES ($1, now(), 'completed', now() + interval '1 hour') RETURNING id::text`,
        [campaignId],
      )
    ).rows;
    await h.sql.query(
      `INSERT INTO deliveries (run_id, campaign_id, subscriber_id, phone, carrier, unit_id, link_code, status)
       VALUES ($1, $2, $3, $4, 'viettel', $5, 'natl1', 'delivered')`,
      [runId, campaignId, w.a.subscriberId, w.a.phones[0], w.a.commune],
    );
    expect((await live(w.a.keys.operator, runId).expect(200)).body).toMatchObject({
      status: 'completed',
      counts: { delivered: 1 },
    });
    await live(w.b.keys.operator, runId).expect(404);
  });

  it('a number or unit code taken elsewhere answers 409 in the words used for one taken at home', async () => {
    const post = (path: string, body: object) =>
      h.http().post(`/api/v1${path}`).set(as(w.a.keys.operator)).send(body).expect(409);
    const theirs = await post('/subscribers', { phone: w.b.phones[0], unitId: w.a.commune });
    const ours = await post('/subscribers', { phone: w.a.phones[0], unitId: w.a.commune });
    expect(theirs.body.message).toBe(`${w.b.phones[0]} is not available`);
    expect(ours.body.message).toBe(`${w.a.phones[0]} is not available`);

    const unit = (code: string) => post('/units', { code, name: 'Z', level: 'village', parentId: w.a.commune });
    expect((await unit(w.b.codes[1])).body.message).toBe(`Unit code ${w.b.codes[1]} is not available`);
    expect((await unit(w.a.codes[1])).body.message).toBe(`Unit code ${w.a.codes[1]} is not available`);
  });

  it("a unit outside the key's area is refused naming only the id asked for", async () => {
    for (const path of [`/api/v1/units/${w.b.commune}`, `/api/v1/units?parent=${w.b.district}`]) {
      const res = await h.http().get(path).set(as(w.a.keys.analyst)).expect(403);
      expect(res.body.message).toMatch(/^Unit \d+ is outside the area your API key is scoped to$/);
      expect(res.text).not.toMatch(/QB90|Qbeta/);
    }
  });
});
