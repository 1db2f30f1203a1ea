import { DEMO_SMS_REGISTRATIONS, DEMO_SMS_TEMPLATE, DEMO_ZNS_TEMPLATE } from '@loa/templates';
import { ApiHarness, startApi } from '@loa/testing';

describe('templates over HTTP (e2e)', () => {
  let h: ApiHarness;
  let admin: Record<string, string>;
  const u: Record<string, number> = {};

  beforeAll(async () => {
    h = await startApi();
    admin = { Authorization: `Bearer ${h.adminToken}` };
    for (const [code, parent] of [
      ['P', null],
      ['D1', 'P'],
      ['D2', 'P'],
    ] as const) {
      const p = parent ? (await h.sql.query('SELECT path FROM units WHERE id = $1', [u[parent]])).rows[0] : null;
      const { rows } = await h.sql.query(
        `INSERT INTO units (code, name, level, parent_id, path, depth) VALUES ($1, $1, 'x', $2, '', 0) RETURNING id`,
        [code, parent ? u[parent] : null],
      );
      u[code] = rows[0].id;
      await h.sql.query('UPDATE units SET path = $2 WHERE id = $1', [u[code], `${p?.path ?? '/'}${u[code]}/`]);
    }
  });
  afterAll(() => h.close());

  it('saves the demo SMS template: one GSM-7 segment at its longest, no warnings; audited CRUD', async () => {
    const res = await h.http().post('/api/v1/templates').set(admin).send(DEMO_SMS_TEMPLATE).expect(201);
    expect(res.body).toMatchObject({ channel: 'sms', unaccented: true, body: DEMO_SMS_TEMPLATE.body, unitId: null });
    expect(res.body.longest).toMatchObject({ encoding: 'GSM-7', segments: 1, warnings: [] });
    expect(res.body.longest.text).toContain(`${h.cfg.api.publicBaseUrl}/r/`);
    const id = res.body.id;

    await h.http().get(`/api/v1/templates/${id}`).set(admin).expect(200);
    const patched = await h
      .http()
      .patch(`/api/v1/templates/${id}`)
      .set(admin)
      .send({ body: DEMO_SMS_TEMPLATE.body + ' ' + 'Tran trong cam on. '.repeat(3) })
      .expect(200);
    expect(patched.body.longest.segments).toBe(2);
    expect(patched.body.longest.warnings[0]).toMatch(/^WARNING: the longest message takes 2 GSM-7 segments/);
    await h.http().delete(`/api/v1/templates/${id}`).set(admin).expect(200);
    await h.http().get(`/api/v1/templates/${id}`).set(admin).expect(404);
    const audit = await h.http().get('/api/v1/audit').set(admin).expect(200);
    const mine = audit.body.filter(
      (a: { entity: string; entityId: string }) => a.entity === 'template' && a.entityId === String(id),
    );
    expect(mine.map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
  });

  it('saves the demo ZNS template', async () => {
    const res = await h.http().post('/api/v1/templates').set(admin).send(DEMO_ZNS_TEMPLATE).expect(201);
    expect(res.body).toMatchObject({
      channel: 'zns',
      znsTemplateId: DEMO_ZNS_TEMPLATE.znsTemplateId,
      znsParams: DEMO_ZNS_TEMPLATE.znsParams,
    });
    expect(res.body.longest).toMatchObject({ channel: 'zns', limit: 400, warnings: [] });
  });

  it('refuses unknown placeholders, a missing body and a bad ZNS mapping, naming each field', async () => {
    const sms = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({ name: 'x', channel: 'sms', body: 'Chao {{ho_ten}}, cai dat tai {{link}' })
      .expect(400);
    expect(sms.body.fields).toEqual([
      {
        field: 'body',
        problems: [
          expect.stringContaining('unknown placeholder {{ho_ten}}'),
          expect.stringContaining('not a complete placeholder'),
        ],
      },
    ]);
    await h.http().post('/api/v1/templates').set(admin).send({ name: 'x', channel: 'sms' }).expect(400);
    const zns = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({ name: 'x', channel: 'zns', znsParams: { 'bad key': '{{name}}', ok: '{{nope}}' } })
      .expect(400);
    expect(zns.body.fields.map((f: { field: string }) => f.field)).toEqual(['znsTemplateId', 'znsParams']);
    const dto = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({ channel: 'fax', unaccented: 'yes' })
      .expect(400);
    expect(dto.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['channel', 'name', 'unaccented']);
    const long = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({ name: 'x', channel: 'zns', znsTemplateId: '1', znsParams: { a: '{{name}}' }, body: 'x'.repeat(401) })
      .expect(400);
    expect(long.body.fields[0]).toMatchObject({
      field: 'body',
      problems: [expect.stringContaining('Zalo allows 400')],
    });
  });

  it('saves, returns and lists registrations per gateway; a registration that does not match is reported', async () => {
    const res = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({ ...DEMO_SMS_TEMPLATE, registrations: DEMO_SMS_REGISTRATIONS })
      .expect(201);
    expect(res.body).toMatchObject({ registrations: DEMO_SMS_REGISTRATIONS, registrationProblems: [] });
    const { body: one } = await h.http().get(`/api/v1/templates/${res.body.id}`).set(admin).expect(200);
    expect(one.registrations).toEqual(DEMO_SMS_REGISTRATIONS);
    const { body: all } = await h.http().get('/api/v1/templates').set(admin).expect(200);
    expect(all.find((t: { id: number }) => t.id === res.body.id).registrations).toEqual(DEMO_SMS_REGISTRATIONS);

    // The body changes, the registrations do not: saved, with the mismatch named per gateway.
    const patched = await h
      .http()
      .patch(`/api/v1/templates/${res.body.id}`)
      .set(admin)
      .send({ body: 'Cài Bluezone: {{link}}' })
      .expect(200);
    expect(patched.body.registrationProblems).toEqual([
      expect.stringMatching(/^Viettel \(viettel\): the sample rendering "Cai Bluezone: http.*" does not match/),
      expect.stringMatching(/^VNPT \(vnpt\): VNPT would send "So TTTT Thai Binh: .*" where the template renders/),
      expect.stringMatching(/^eSMS \(esms\): the sample rendering/),
    ]);
    // Registrations are replaced as a whole.
    const replaced = await h
      .http()
      .patch(`/api/v1/templates/${res.body.id}`)
      .set(admin)
      .send({ registrations: { viettel: { content: 'Cai Bluezone: {1}' } } })
      .expect(200);
    expect(replaced.body).toMatchObject({
      registrations: { viettel: { content: 'Cai Bluezone: {1}' } },
      registrationProblems: [],
    });
    const { body: plain } = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({ name: 'plain', channel: 'sms', body: 'x {{link}}' })
      .expect(201);
    expect(plain.registrations).toEqual({});
    // Preview checks registrations as they are typed, before anything is saved.
    const { body: preview } = await h
      .http()
      .post('/api/v1/templates/preview')
      .set(admin)
      .send({ channel: 'sms', body: 'Cài Bluezone: {{link}}', registrations: { esms: { content: 'Cai tai {1}' } } })
      .expect(200);
    expect(preview.registrationProblems).toEqual([
      expect.stringMatching(
        /^eSMS \(esms\): the sample rendering "Cai Bluezone: .*" does not match .*"Cai tai \{1\}"$/,
      ),
    ]);
  });

  it('refuses an invalid registration, naming the field', async () => {
    const res = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({
        ...DEMO_SMS_TEMPLATE,
        registrations: {
          viettel: { content: 'Cai tai {{link}}' },
          mobifone: { content: 'x {1}' },
          vnpt: { templateId: '3001', text: 'Chao {1}, cai tai {2}', params: { '1': '{{ten}}', '3': '{{link}}' } },
        },
      })
      .expect(400);
    expect(res.body.fields).toEqual([
      { field: 'registrations.viettel.content', problems: [expect.stringContaining('uses {{…}}')] },
      { field: 'registrations.mobifone', problems: [expect.stringContaining('unknown SMS gateway "mobifone"')] },
      { field: 'registrations.vnpt.params.2', problems: ['slot {2} of the text has no param'] },
      { field: 'registrations.vnpt.params.1', problems: [expect.stringContaining('unknown placeholder {{ten}}')] },
      { field: 'registrations.vnpt.params.3', problems: ['the text has no slot {3}'] },
    ]);
    expect(res.body.message).toContain('registrations.vnpt.params.2: slot {2} of the text has no param');
    const zns = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({ ...DEMO_ZNS_TEMPLATE, registrations: DEMO_SMS_REGISTRATIONS })
      .expect(400);
    expect(zns.body.fields).toEqual([{ field: 'registrations', problems: [expect.stringContaining('only SMS')] }]);
    const shape = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({ ...DEMO_SMS_TEMPLATE, registrations: 'vnpt' })
      .expect(400);
    expect(shape.body.fields.map((f: { field: string }) => f.field)).toEqual(['registrations']);
  });

  it('describes registrations in the OpenAPI document', async () => {
    const { body: doc } = await h.http().get('/api/docs-json').expect(200);
    const schemas = doc.components.schemas;
    for (const dto of ['CreateTemplateDto', 'UpdateTemplateDto', 'PreviewTemplateDto']) {
      expect(schemas[dto].properties.registrations).toMatchObject({
        type: 'object',
        additionalProperties: {
          oneOf: [
            { $ref: '#/components/schemas/ContentRegistrationDto' },
            { $ref: '#/components/schemas/ParamTemplateRegistrationDto' },
          ],
        },
      });
    }
    expect(schemas.ContentRegistrationDto.required).toEqual(['content']);
    expect(schemas.ParamTemplateRegistrationDto.required).toEqual(['templateId', 'text', 'params']);
  });

  it('previews a sample with encoding, segments and warnings (analysts too)', async () => {
    const analyst = { Authorization: `Bearer ${await h.key('analyst')}` };
    const res = await h
      .http()
      .post('/api/v1/templates/preview')
      .set(analyst)
      .send({
        channel: 'sms',
        body: 'Chào {{name|bạn}}, cài đặt Bluezone tại {{link}}',
        unaccented: false,
        vars: { name: 'Hà' },
      })
      .expect(200);
    expect(res.body.sample).toMatch(/^Chào Hà, cài đặt Bluezone tại http/);
    expect(res.body.sampleInfo).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(res.body.warnings.join(' ')).toContain('unaccented');
    const un = await h
      .http()
      .post('/api/v1/templates/preview')
      .set(admin)
      .send({ channel: 'sms', body: 'Chào {{name|bạn}}, cài đặt Bluezone tại {{link}}' })
      .expect(200);
    expect(un.body.sample).toMatch(/^Chao Nguyen Van An, cai dat Bluezone tai http/);
    expect(un.body).toMatchObject({ sampleInfo: { encoding: 'GSM-7', segments: 1 }, warnings: [] });
    const zns = await h
      .http()
      .post('/api/v1/templates/preview')
      .set(admin)
      .send({ ...DEMO_ZNS_TEMPLATE, name: undefined })
      .expect(200);
    expect(zns.body.sample).toMatchObject({ name: 'Nguyễn Văn An', link_code: expect.any(String) });
  });

  it('scopes templates like segments', async () => {
    const d1 = { Authorization: `Bearer ${await h.key('operator', u.D1)}` };
    const mine = await h
      .http()
      .post('/api/v1/templates')
      .set(d1)
      .send({ ...DEMO_SMS_TEMPLATE, name: 'd1', registrations: DEMO_SMS_REGISTRATIONS })
      .expect(201);
    expect(mine.body.unitId).toBe(u.D1);
    const other = await h
      .http()
      .post('/api/v1/templates')
      .set(admin)
      .send({ ...DEMO_SMS_TEMPLATE, unitId: u.D2 })
      .expect(201);
    await h
      .http()
      .post('/api/v1/templates')
      .set(d1)
      .send({ ...DEMO_SMS_TEMPLATE, unitId: u.D2 })
      .expect(403);
    await h.http().get(`/api/v1/templates/${other.body.id}`).set(d1).expect(403);
    await h.http().patch(`/api/v1/templates/${other.body.id}`).set(d1).send({ name: 'x' }).expect(403);
    const list = await h.http().get('/api/v1/templates').set(d1).expect(200);
    expect(list.body.map((t: { id: number }) => t.id)).toEqual([mine.body.id]);
    expect(list.body[0].registrations).toEqual(DEMO_SMS_REGISTRATIONS);
  });
});
