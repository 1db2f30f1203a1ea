import { ApiHarness, SmsCampaignFixture, smsCampaignFixture, startApi } from '@loa/testing';

/** Short links carry the department's name: they lead only to allowed hosts, and never change once sent (11.4). */
describe('campaign link targets (e2e)', () => {
  let h: ApiHarness;
  let f: SmsCampaignFixture;
  const post = (path: string, b: object = {}) => h.http().post(`/api/v1${path}`).set(f.auth).send(b);
  const patch = (path: string, b: object) => h.http().patch(`/api/v1${path}`).set(f.auth).send(b);
  const campaign = (extra: object = {}) =>
    f.campaign({ runAt: new Date(Date.now() + 24 * 3600_000).toISOString(), ...extra });

  beforeAll(async () => {
    h = await startApi();
    f = await smsCampaignFixture(h);
  });
  afterAll(() => h?.close());

  it.each([
    ['a look-alike host', { targetUrl: 'https://bluezone.gov.vn.evil.example/taiapp' }, 'targetUrl'],
    ['user info hiding the host', { targetUrl: 'https://bluezone.gov.vn@evil.example/' }, 'targetUrl'],
    ['plain http', { targetUrl: 'http://bluezone.gov.vn/taiapp' }, 'targetUrl'],
    ['an unknown store host', { targetAndroid: 'https://apk-mirror.example/bluezone.apk' }, 'targetAndroid'],
  ])('refuses %s, naming the field', async (_what, extra, field) => {
    const res = await post('/campaigns', campaign(extra)).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
  });

  it('changes a target before anything was sent (audited from → to), and refuses once links went out', async () => {
    const { body: c } = await post('/campaigns', campaign()).expect(201);
    const to = 'https://bluezone.gov.vn/tai-ung-dung';
    await patch(`/campaigns/${c.id}`, { targetUrl: to }).expect(200);
    const audit = await h.sql.query(`SELECT details FROM audit_log WHERE action = 'update' AND entity_id = $1`, [
      String(c.id),
    ]);
    expect(audit.rows[0].details).toMatchObject({ targetUrl: { from: 'https://bluezone.gov.vn/taiapp', to } });

    // A run went out (as dispatch leaves it): people now hold links to `to`.
    const run = await h.sql.query(
      `INSERT INTO campaign_runs (campaign_id, fire_time, status, expires_at, targeted)
       VALUES ($1, now(), 'completed', now(), 1) RETURNING id`,
      [c.id],
    );
    const sub = await h.sql.query(
      `INSERT INTO subscribers (phone, carrier) VALUES ('84961000009', 'viettel') RETURNING id`,
    );
    await h.sql.query(
      `INSERT INTO deliveries (run_id, campaign_id, subscriber_id, phone, carrier, link_code, status, sent_at)
       VALUES ($1, $2, $3, '84961000009', 'viettel', 'abcdefgh', 'sent', now())`,
      [run.rows[0].id, c.id, sub.rows[0].id],
    );
    const refused = await patch(`/campaigns/${c.id}`, { targetUrl: 'https://bluezone.gov.vn/other' }).expect(409);
    expect(refused.body.message).toContain('has already sent links');
    const { body: still } = await h.http().get(`/api/v1/campaigns/${c.id}`).set(f.auth).expect(200);
    expect(still.targetUrl).toBe(to);
    await patch(`/campaigns/${c.id}`, { name: 'Nhắc lại' }).expect(200); // other fields stay editable
  });
});
