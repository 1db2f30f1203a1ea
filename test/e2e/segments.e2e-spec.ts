import { ApiHarness, startApi } from '@loa/testing';

describe('segments over HTTP (e2e)', () => {
  let h: ApiHarness;
  const u: Record<string, number> = {};
  let admin: Record<string, string>;

  beforeAll(async () => {
    h = await startApi();
    admin = { Authorization: `Bearer ${h.adminToken}` };
    // Province P with districts D1 (communes C1, C2) and D2 (commune C3).
    const add = async (code: string, parent: string | null) => {
      const p = parent ? (await h.sql.query('SELECT path, depth FROM units WHERE id = $1', [u[parent]])).rows[0] : null;
      const { rows } = await h.sql.query(
        `INSERT INTO units (code, name, level, parent_id, path, depth) VALUES ($1, $1, 'x', $2, '', $3) RETURNING id`,
        [code, parent ? u[parent] : null, p ? p.depth + 1 : 0],
      );
      u[code] = rows[0].id;
      await h.sql.query('UPDATE units SET path = $2 WHERE id = $1', [u[code], `${p?.path ?? '/'}${u[code]}/`]);
    };
    await add('P', null);
    await add('D1', 'P');
    await add('C1', 'D1');
    await add('C2', 'D1');
    await add('D2', 'P');
    await add('C3', 'D2');
    // 10 people per commune, alternating carriers; one opted out in C1, one on DNC in C3.
    for (const [i, c] of ['C1', 'C2', 'C3'].entries()) {
      await h.sql.query(
        `INSERT INTO subscribers (phone, carrier, unit_id, tags, installed_at)
         SELECT '8490' || $1 || lpad(n::text, 6, '0'), CASE WHEN n % 2 = 0 THEN 'viettel' ELSE 'mobifone' END, $2,
                CASE WHEN n <= 3 THEN ARRAY['teacher'] ELSE '{}' END, CASE WHEN n > 8 THEN now() END
           FROM generate_series(1, 10) n`,
        [i, u[c]],
      );
    }
    await h.sql.query(`UPDATE subscribers SET opted_out_at = now() WHERE phone = '84900000001'`);
    await h.sql.query(`INSERT INTO dnc_numbers (phone) VALUES ('84902000002')`);
  });
  afterAll(() => h.close());

  it('creates, reads, counts, updates and deletes a segment, auditing each change', async () => {
    const created = await h
      .http()
      .post('/api/v1/segments')
      .set(admin)
      .send({ name: 'Chưa cài, D1', filter: { unitIds: [u.D1], installed: false } })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Chưa cài, D1',
      unitId: null,
      filter: { unitIds: [u.D1], installed: false },
    });
    const id = created.body.id;

    await h.http().get(`/api/v1/segments/${id}`).set(admin).expect(200);
    const count = await h.http().get(`/api/v1/segments/${id}/count`).set(admin).expect(200);
    // C1 + C2 not installed: 8 + 8, minus the opted-out person in C1.
    expect(count.body).toMatchObject({
      segmentId: id,
      total: 15,
      matched: 16,
      excluded: { optedOut: 1, dnc: 0 },
      byCarrier: { viettel: 8, mobifone: 7 },
      unitBreakdown: 'filter-units',
    });
    expect(count.body.byUnit).toEqual([expect.objectContaining({ unitId: u.D1, count: 15 })]);

    const patched = await h
      .http()
      .patch(`/api/v1/segments/${id}`)
      .set(admin)
      .send({ filter: { tags: { any: ['teacher'] } } })
      .expect(200);
    expect(patched.body.filter).toEqual({ tags: { any: ['teacher'] } });
    const c2 = await h.http().get(`/api/v1/segments/${id}/count`).set(admin).expect(200);
    // 3 teachers per commune, minus the opted-out (C1 #1) and the DNC number (C3 #2).
    expect(c2.body).toMatchObject({ total: 7, excluded: { optedOut: 1, dnc: 1 }, unitBreakdown: 'children-of-scope' });
    expect(c2.body.byUnit).toEqual([expect.objectContaining({ unitId: u.P, count: 7 })]);

    await h.http().delete(`/api/v1/segments/${id}`).set(admin).expect(200);
    await h.http().get(`/api/v1/segments/${id}`).set(admin).expect(404);
    const audit = await h.http().get('/api/v1/audit').set(admin).expect(200);
    const mine = audit.body.filter(
      (a: { entity: string; entityId: string }) => a.entity === 'segment' && a.entityId === String(id),
    );
    expect(mine.map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
  });

  it('previews an ad-hoc filter, broken down by the units below the scope root', async () => {
    const res = await h.http().post('/api/v1/segments/count').set(admin).send({ filter: {}, unitId: u.D1 }).expect(200);
    expect(res.body).toMatchObject({ total: 19, unitBreakdown: 'children-of-scope' });
    const byUnit = Object.fromEntries(
      res.body.byUnit.map((b: { unitId: number; count: number }) => [b.unitId, b.count]),
    );
    expect(byUnit).toEqual({ [u.C1]: 9, [u.C2]: 10, [u.D1]: 0 });
  });

  it('rejects bad filters with a 400 naming each field', async () => {
    const res = await h
      .http()
      .post('/api/v1/segments')
      .set(admin)
      .send({
        name: '',
        filter: {
          carriers: ['viettel', 'telenor'],
          unitIds: [],
          tags: { any: [], bogus: ['x'] },
          installed: 'yes',
          clickedWithinDays: -3,
          notClickedWithinDays: 1.5,
        },
      })
      .expect(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual([
      'filter.carriers',
      'filter.clickedWithinDays',
      'filter.installed',
      'filter.notClickedWithinDays',
      'filter.tags.any',
      'filter.tags.bogus',
      'filter.unitIds',
      'name',
    ]);
    expect(JSON.stringify(res.body)).toContain('must be one of: viettel');
  });

  it('rejects unknown unit ids with a 400 naming filter.unitIds', async () => {
    const res = await h
      .http()
      .post('/api/v1/segments')
      .set(admin)
      .send({ name: 'x', filter: { unitIds: [u.C1, 999999] } })
      .expect(400);
    expect(res.body.fields).toEqual([{ field: 'filter.unitIds', problems: ['unknown unit ids: 999999'] }]);
    await h
      .http()
      .post('/api/v1/segments/count')
      .set(admin)
      .send({ filter: { unitIds: [999999] } })
      .expect(400);
  });

  describe('a district-scoped key', () => {
    let d1: Record<string, string>;
    let nationalId: number;
    let d2Id: number;
    beforeAll(async () => {
      d1 = { Authorization: `Bearer ${await h.key('operator', u.D1)}` };
      nationalId = (await h.http().post('/api/v1/segments').set(admin).send({ name: 'all', filter: {} }).expect(201))
        .body.id;
      d2Id = (
        await h.http().post('/api/v1/segments').set(admin).send({ name: 'd2', filter: {}, unitId: u.D2 }).expect(201)
      ).body.id;
    });

    it('owns what it creates, and its audience never leaves its district even with an empty filter', async () => {
      const res = await h.http().post('/api/v1/segments').set(d1).send({ name: 'mine', filter: {} }).expect(201);
      expect(res.body.unitId).toBe(u.D1);
      const count = await h.http().get(`/api/v1/segments/${res.body.id}/count`).set(d1).expect(200);
      expect(count.body.total).toBe(19); // C1 (10 − 1 opted out) + C2 (10); nothing of D2
      const list = await h.http().get('/api/v1/segments').set(d1).expect(200);
      expect(list.body.map((s: { id: number }) => s.id)).toEqual([res.body.id]);
    });

    it('gets 403 for units outside its subtree and for others segments', async () => {
      await h
        .http()
        .post('/api/v1/segments')
        .set(d1)
        .send({ name: 'x', filter: { unitIds: [u.C3] } })
        .expect(403);
      await h.http().post('/api/v1/segments').set(d1).send({ name: 'x', filter: {}, unitId: null }).expect(403);
      await h
        .http()
        .post('/api/v1/segments/count')
        .set(d1)
        .send({ filter: { unitIds: [u.D2] } })
        .expect(403);
      await h.http().get(`/api/v1/segments/${nationalId}`).set(d1).expect(403);
      await h.http().get(`/api/v1/segments/${d2Id}/count`).set(d1).expect(403);
      await h.http().patch(`/api/v1/segments/${d2Id}`).set(d1).send({ name: 'mine now' }).expect(403);
      await h.http().delete(`/api/v1/segments/${d2Id}`).set(d1).expect(403);
    });

    it('may target a commune inside its district', async () => {
      const res = await h
        .http()
        .post('/api/v1/segments')
        .set(d1)
        .send({ name: 'c2', filter: { unitIds: [u.C2] } })
        .expect(201);
      const count = await h.http().get(`/api/v1/segments/${res.body.id}/count`).set(d1).expect(200);
      expect(count.body.total).toBe(10);
    });
  });

  it('lets an analyst read and preview counts but not change segments', async () => {
    const analyst = { Authorization: `Bearer ${await h.key('analyst')}` };
    await h.http().get('/api/v1/segments').set(analyst).expect(200);
    await h.http().post('/api/v1/segments/count').set(analyst).send({ filter: {} }).expect(200);
    await h.http().post('/api/v1/segments').set(analyst).send({ name: 'x', filter: {} }).expect(403);
  });
});
