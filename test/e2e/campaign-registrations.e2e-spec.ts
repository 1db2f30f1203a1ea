import { DataSource } from 'typeorm';
import { DEMO_SMS_TEMPLATE, seedDemoTemplates } from '@loa/templates';
import { ApiHarness, registrationsFor, startApi } from '@loa/testing';

/**
 * Registered templates are checked before anything is sent: preview lists what the gateways the audience's carriers
 * route to would refuse or garble, and scheduling is refused while there is any. Viettel numbers fail over to eSMS
 * here, so a template must be registered at both for them.
 */
describe('template registrations refuse a campaign before it is scheduled (e2e)', () => {
  let h: ApiHarness;
  let auth: { Authorization: string };
  let everyone: number;
  let viettelOnly: number;
  let demo: number;
  const body = 'Chào {{name|bạn}}, cài Bluezone tại {{link}}';

  const post = (path: string, b: object = {}) => h.http().post(`/api/v1${path}`).set(auth).send(b);
  const template = async (extra: object) =>
    (await post('/templates', { name: 't', channel: 'sms', body, ...extra }).expect(201)).body.id as number;
  const campaign = async (templateId: number, segmentId = everyone, channel = 'sms') =>
    (
      await post('/campaigns', {
        name: 'Nhắc cài Bluezone',
        segmentId,
        brandname: 'SO TTTT',
        channels: [{ channel, templateId }],
        runAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      }).expect(201)
    ).body.id as number;

  beforeAll(async () => {
    h = await startApi((cfg) => {
      cfg.routes.viettel = ['viettel', 'esms'];
    });
    auth = { Authorization: `Bearer ${h.adminToken}` };
    await h.sql.query(
      `INSERT INTO subscribers (phone, carrier) VALUES ('84961000001', 'viettel'), ('84911000001', 'vinaphone'),
         ('84901000001', 'mobifone')`,
    );
    everyone = (await post('/segments', { name: 'all', filter: {} }).expect(201)).body.id;
    viettelOnly = (await post('/segments', { name: 'viettel', filter: { carriers: ['viettel'] } }).expect(201)).body.id;
    await seedDemoTemplates(h.app.get(DataSource), h.cfg.gateways);
    ({
      rows: [{ id: demo }],
    } = await h.sql.query(`SELECT id FROM templates WHERE name = $1`, [DEMO_SMS_TEMPLATE.name]));
  });
  afterAll(() => h.close());

  it('schedules the seeded demo template, registered at every gateway', async () => {
    const id = await campaign(demo);
    const { body: p } = await h.http().get(`/api/v1/campaigns/${id}/preview`).set(auth).expect(200);
    expect(p.registrationProblems).toEqual([]);
    const { body: c } = await post(`/campaigns/${id}/schedule`).expect(200);
    expect(c.status).toBe('scheduled');
  });

  it('refuses a template not registered at VNPT, naming VNPT; preview shows it; a Viettel-only audience is fine', async () => {
    const { vnpt: _vnpt, ...rest } = registrationsFor(h.cfg, body);
    const tpl = await template({ registrations: rest });
    const id = await campaign(tpl);
    const { body: p } = await h.http().get(`/api/v1/campaigns/${id}/preview`).set(auth).expect(200);
    expect(p.registrationProblems).toEqual([`VNPT (vnpt): template ${tpl} is not registered`]);
    const res = await post(`/campaigns/${id}/schedule`).expect(409);
    expect(res.body.message).toBe(`Cannot schedule campaign ${id}: VNPT (vnpt): template ${tpl} is not registered`);
    expect(res.body.registrationProblems).toEqual(p.registrationProblems);
    const { body: still } = await h.http().get(`/api/v1/campaigns/${id}`).set(auth).expect(200);
    expect(still.status).toBe('draft');

    // The unsaved preview says the same.
    const { body: unsaved } = await post('/campaigns/preview', {
      name: 'x',
      segmentId: everyone,
      brandname: 'SO TTTT',
      channels: [{ channel: 'sms', templateId: tpl }],
      runAt: new Date(Date.now() + 3600_000).toISOString(),
    }).expect(200);
    expect(unsaved.registrationProblems).toEqual(p.registrationProblems);

    await post(`/campaigns/${await campaign(tpl, viettelOnly)}/schedule`).expect(200);
  });

  it('every gateway of a route counts: Viettel numbers fail over to eSMS', async () => {
    const tpl = await template({ registrations: { viettel: registrationsFor(h.cfg, body).viettel } });
    const id = await campaign(tpl, viettelOnly);
    const res = await post(`/campaigns/${id}/schedule`).expect(409);
    expect(res.body.registrationProblems).toEqual([`eSMS (esms): template ${tpl} is not registered`]);
  });

  it('refuses registrations that do not match the rendering, quoting both', async () => {
    const regs = registrationsFor(h.cfg, body);
    const tpl = await template({
      registrations: {
        ...regs,
        viettel: { content: 'Chao {1}, cai dat Bluezone tai {2}' },
        vnpt: {
          templateId: '3001',
          text: 'Chao {1}, cai Bluezone tai {2}',
          params: { '1': '{{link}}', '2': '{{name}}' },
        },
      },
    });
    const id = await campaign(tpl);
    const { body: p } = await h.http().get(`/api/v1/campaigns/${id}/preview`).set(auth).expect(200);
    const link = `${h.cfg.api.publicBaseUrl}/r/${'A'.repeat(h.cfg.links.codeLength)}`;
    expect(p.registrationProblems).toEqual([
      `Viettel (viettel): the sample rendering "Chao Nguyen Van An, cai Bluezone tai ${link}" does not match ` +
        `the registered content "Chao {1}, cai dat Bluezone tai {2}"`,
      `VNPT (vnpt): VNPT would send "Chao ${link}, cai Bluezone tai Nguyen Van An" where template ${tpl} renders ` +
        `"Chao Nguyen Van An, cai Bluezone tai ${link}" (sample values)`,
    ]);
    const res = await post(`/campaigns/${id}/schedule`).expect(409);
    expect(res.body.message).toContain('Viettel (viettel): the sample rendering');
    expect(res.body.message).toContain('VNPT (vnpt): VNPT would send');
  });

  it('warns, without refusing, when people without a name would not match', async () => {
    const bare = 'Chào {{name}}, cài Bluezone tại {{link}}';
    const tpl = await template({ body: bare, registrations: registrationsFor(h.cfg, bare) });
    const id = await campaign(tpl);
    const { body: p } = await h.http().get(`/api/v1/campaigns/${id}/preview`).set(auth).expect(200);
    expect(p.registrationProblems).toEqual([]);
    expect(p.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Viettel \(viettel\): the no name or unit rendering "Chao , cai/),
        expect.stringMatching(/^VNPT \(vnpt\): slot \{1\} is empty with the no name or unit values/),
      ]),
    );
    await post(`/campaigns/${id}/schedule`).expect(200);
  });

  it('refuses a Zalo template without its Zalo template id and params', async () => {
    const {
      rows: [{ id: zns }],
    } = await h.sql.query(
      `INSERT INTO templates (name, channel, zns_template_id, zns_params) VALUES ('zns', 'zns', '123', '{}') RETURNING id`,
    );
    const id = await campaign(zns, everyone, 'zns');
    const res = await post(`/campaigns/${id}/schedule`).expect(409);
    expect(res.body.registrationProblems).toEqual([
      `Zalo: template ${zns} has no Zalo template id and params (znsTemplateId, znsParams)`,
    ]);
  });
});
