import { ApiHarness, SmsCampaignFixture, smsCampaignFixture, startApi } from '@loa/testing';

/** 01:31 in Vietnam (18:31 UTC the day before), a clock at real speed from there. */
const NIGHT = Date.parse('2026-03-03T18:31:00Z');

/**
 * A preview tells the truth about when sending happens (issue 13): a run due now at 01:31 says nothing leaves before
 * 07:00, and a draft's timing is laid from its own schedule, not from the moment of the preview.
 */
describe('preview timing (e2e)', () => {
  let h: ApiHarness;
  let f: SmsCampaignFixture;
  const post = (path: string, b: object = {}) => h.http().post(`/api/v1${path}`).set(f.auth).send(b);
  const campaign = (extra: object) => f.campaign(extra);

  beforeAll(async () => {
    h = await startApi((cfg) => {
      cfg.fakeClock = `${Date.now()},${NIGHT},1`;
    });
    await h.sql.query(`INSERT INTO subscribers (phone, carrier) VALUES ('84961000001', 'viettel')`);
    f = await smsCampaignFixture(h);
  });
  afterAll(() => h?.close());

  it('warns that a run due at 01:32 sends nothing before 07:00', async () => {
    const { body: p } = await post('/campaigns/preview', campaign({ runAt: new Date(NIGHT + 60_000) })).expect(200);
    expect(p.warnings).toContain(
      'nothing is sent before 2026-03-04 07:00 (UTC+7): the run starts 2026-03-04 01:32 (UTC+7), ' +
        'outside the sending window 07:00–22:00',
    );
    expect(Date.parse(p.duration.finishesAt)).toBeGreaterThanOrEqual(Date.parse('2026-03-04T00:00:00Z'));
  });

  it('lays a draft daily 09:00 campaign from its schedule, before and after scheduling alike', async () => {
    const daily = campaign({ scheduleCron: '0 9 * * *' });
    const { body: unsaved } = await post('/campaigns/preview', daily).expect(200);
    expect(unsaved.duration.startsAt).toBe('2026-03-04T02:00:00.000Z'); // 09:00 in Vietnam
    expect(unsaved.warnings.filter((w: string) => w.startsWith('nothing is sent before'))).toEqual([]);
    const { body: c } = await post('/campaigns', daily).expect(201);
    const { body: draft } = await h.http().get(`/api/v1/campaigns/${c.id}/preview`).set(f.auth).expect(200);
    expect(draft.duration.startsAt).toBe('2026-03-04T02:00:00.000Z');
    await post(`/campaigns/${c.id}/schedule`).expect(200);
    const { body: scheduled } = await h.http().get(`/api/v1/campaigns/${c.id}/preview`).set(f.auth).expect(200);
    expect(scheduled.duration.startsAt).toBe(draft.duration.startsAt);
  });
});
