import { readFileSync } from 'node:fs';
import { ApiHarness, startApi } from '@loa/testing';
import { demoUnitsCsvPath } from '@loa/units';

jest.setTimeout(60_000);

/** A key scoped to huyện Hưng Hà (339) against people and units elsewhere; an analyst key against every write. */
describe('unit scope and roles (e2e)', () => {
  let h: ApiHarness;
  let admin: { Authorization: string };
  let district: { Authorization: string };
  let analyst: { Authorization: string };
  const ids: Record<string, number> = {};
  let inside: number;
  let outside: number;

  beforeAll(async () => {
    h = await startApi();
    admin = { Authorization: `Bearer ${h.adminToken}` };
    await h.http().post('/api/v1/units/import').set(admin).attach('file', readFileSync(demoUnitsCsvPath()), 'u.csv');
    for (const r of (await h.sql.query('SELECT id, code FROM units')).rows) ids[r.code] = r.id;
    district = { Authorization: `Bearer ${await h.key('operator', ids['339'])}` };
    analyst = { Authorization: `Bearer ${await h.key('analyst')}` };
    inside = (await h.http().post('/api/v1/subscribers').set(admin).send({ phone: '0912000001', unitId: ids['12592'] }))
      .body.id;
    outside = (
      await h.http().post('/api/v1/subscribers').set(admin).send({ phone: '0912000002', unitId: ids['13642'] })
    ).body.id;
  });
  afterAll(() => h.close());

  it('a district key sees only its subtree of units', async () => {
    const roots = await h.http().get('/api/v1/units').set(district).expect(200);
    expect(roots.body.map((u: { code: string }) => u.code)).toEqual(['339']);
    await h.http().get(`/api/v1/units/${ids['12592']}`).set(district).expect(200);
    await h.http().get(`/api/v1/units/${ids['36']}`).set(district).expect(403);
    await h.http().get(`/api/v1/units?parent=${ids['34']}`).set(district).expect(403);
    await h.http().get('/api/v1/units/by-code/356').set(district).expect(403);
    await h
      .http()
      .post('/api/v1/units')
      .set(district)
      .send({ code: 'x1', name: 'X', level: 'village', parentId: ids['356'] })
      .expect(403);
    await h.http().post('/api/v1/units').set(district).send({ code: 'x2', name: 'X', level: 'province' }).expect(403);
    await h
      .http()
      .post('/api/v1/units')
      .set(district)
      .send({ code: 'x3', name: 'X', level: 'village', parentId: ids['12592'] })
      .expect(201);
    await h
      .http()
      .post('/api/v1/units/import')
      .set(district)
      .attach('file', Buffer.from('code,name,level\nz,Z,x\n'), 'u.csv')
      .expect(403);
  });

  it('a district admin administers only its subtree: keys, revocation, audit log', async () => {
    const districtAdminToken = await h.key('admin', ids['339']);
    const dAdmin = { Authorization: `Bearer ${districtAdminToken}` };
    const elsewhereOperator = await h.key('operator', ids['356']);
    const all = (await h.http().get('/api/v1/api-keys').set(admin).expect(200)).body as {
      id: number;
      unitId: number;
    }[];
    const mine = (await h.http().get('/api/v1/api-keys').set(dAdmin).expect(200)).body as typeof all;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((k) => k.unitId === ids['339'])).toBe(true);
    const national = all.find((k) => k.unitId === null)!;
    const elsewhere = all.find((k) => k.unitId === ids['356'])!;
    await h.http().delete(`/api/v1/api-keys/${national.id}`).set(dAdmin).expect(404);
    await h.http().delete(`/api/v1/api-keys/${elsewhere.id}`).set(dAdmin).expect(404);
    await h
      .http()
      .get('/api/v1/units')
      .set({ Authorization: `Bearer ${elsewhereOperator}` })
      .expect(200); // still works
    await h.http().get('/api/v1/units').set(admin).expect(200);
    // The audit log: a national admin's own actions (it created the subscribers) are not a district's to read.
    const log = (await h.http().get('/api/v1/audit').set(dAdmin).expect(200)).body as { keyId: number | null }[];
    const districtKeys = new Set(mine.map((k) => k.id));
    expect(log.every((e) => e.keyId !== null && districtKeys.has(e.keyId))).toBe(true);
    expect(((await h.http().get('/api/v1/audit').set(admin).expect(200)).body as unknown[]).length).toBeGreaterThan(
      log.length,
    );
  });

  it('a district key records installs only for its own subscribers, and learns nothing of others', async () => {
    const res = await h.http().post('/api/v1/installs').set(district).send(['0912000002', '0912000001']).expect(200);
    // The other district's subscriber answers exactly as a number that is nobody's.
    expect(res.body).toMatchObject({ received: 2, installed: 1, alreadyInstalled: 0, unknown: ['84912000002'] });
    const rows = await h.sql.query(
      `SELECT phone, installed_at IS NOT NULL AS installed FROM subscribers ORDER BY phone`,
    );
    expect(rows.rows).toEqual([
      { phone: '84912000001', installed: true },
      { phone: '84912000002', installed: false },
    ]);
    const csv = await h
      .http()
      .post('/api/v1/installs/import')
      .set(district)
      .attach('file', Buffer.from('phone\n0912000002\n'), 'i.csv')
      .expect(200);
    expect(csv.body).toMatchObject({ installed: 0, unknown: ['84912000002'] });
    await h.sql.query(`UPDATE subscribers SET installed_at = NULL`);
    await h.sql.query(`DELETE FROM installs`);
  });

  it('a district key can neither see nor change subscribers elsewhere', async () => {
    const list = await h.http().get('/api/v1/subscribers').set(district).expect(200);
    expect(list.body.items.map((s: { id: number }) => s.id)).toEqual([inside]);
    await h
      .http()
      .get(`/api/v1/subscribers?phone=0912000002`)
      .set(district)
      .expect(200)
      .expect((r) => expect(r.body.items).toEqual([]));
    await h.http().get(`/api/v1/subscribers/${outside}`).set(district).expect(404);
    await h.http().patch(`/api/v1/subscribers/${outside}`).set(district).send({ name: 'x' }).expect(404);
    await h.http().delete(`/api/v1/subscribers/${outside}`).set(district).expect(404);
    await h.http().patch(`/api/v1/subscribers/${inside}`).set(district).send({ unitId: ids['13642'] }).expect(403);
    await h
      .http()
      .patch(`/api/v1/subscribers/${inside}`)
      .set(district)
      .send({ unitId: ids['12586'], name: 'Hà' })
      .expect(200);
    await h
      .http()
      .post('/api/v1/subscribers')
      .set(district)
      .send({ phone: '0912000003', unitId: ids['13642'] })
      .expect(403);
    await h.http().post('/api/v1/subscribers').set(district).send({ phone: '0912000003' }).expect(400);
    await h
      .http()
      .post('/api/v1/carrier-overrides')
      .set(district)
      .attach('file', Buffer.from('phone,carrier\n0912000002,viettel\n'), 'o.csv')
      .expect(403);
    const csv = await h.http().get('/api/v1/subscribers/export.csv').set(district).expect(200);
    expect(csv.text).toContain('84912000001');
    expect(csv.text).not.toContain('84912000002');
    const { rows } = await h.sql.query(`SELECT name, unit_id FROM subscribers WHERE id = $1`, [outside]);
    expect(rows[0]).toEqual({ name: null, unit_id: ids['13642'] });
  });

  it('a district key cannot import rows into other units', async () => {
    const csv = 'sdt,unit_code\n0912000010,12592\n0912000011,13642\n0912000002,12592\n0912000012,\n';
    const res = await h
      .http()
      .post('/api/v1/imports/subscribers?wait=true')
      .set(district)
      .attach('file', Buffer.from(csv), 'l.csv')
      .expect(200);
    expect(res.body).toMatchObject({ status: 'completed', inserted: 1, rowsRejected: 3 });
    const rej = await h.http().get(`/api/v1/imports/${res.body.id}/rejections`).set(district).expect(200);
    expect(rej.body.items.map((r: { line: number; reason: string }) => [r.line, r.reason])).toEqual([
      [3, 'unit 13642 is outside your area'],
      [4, 'this number is not available'],
      [5, 'no unit: add a unit_code column or choose a default unit for the import'],
    ]);
    await h
      .http()
      .post('/api/v1/imports/subscribers')
      .set(district)
      .field('unitCode', '356')
      .attach('file', Buffer.from('sdt\n0912000013\n'), 'l.csv')
      .expect(403);
    // Someone else's import is not visible to a scoped key.
    const adminImport = await h
      .http()
      .post('/api/v1/imports/subscribers?wait=true')
      .set(admin)
      .attach('file', Buffer.from('sdt\n0912000014\n'), 'l.csv')
      .expect(200);
    await h.http().get(`/api/v1/imports/${adminImport.body.id}`).set(district).expect(404);
    await h.http().get(`/api/v1/imports/${res.body.id}`).set(admin).expect(200);
  });

  it('an analyst reads but is refused every change', async () => {
    await h.http().get('/api/v1/subscribers').set(analyst).expect(200);
    await h.http().get(`/api/v1/subscribers/${outside}`).set(analyst).expect(200);
    await h.http().get('/api/v1/units').set(analyst).expect(200);
    await h.http().get('/api/v1/subscribers/export.csv').set(analyst).expect(200);
    const refused = [
      h.http().post('/api/v1/subscribers').send({ phone: '0912000020' }),
      h.http().patch(`/api/v1/subscribers/${inside}`).send({ name: 'x' }),
      h.http().delete(`/api/v1/subscribers/${inside}`),
      h.http().post('/api/v1/subscribers/opt-out').send({ phone: '0912000001' }),
      h.http().post('/api/v1/imports/subscribers').attach('file', Buffer.from('sdt\n0912000021\n'), 'l.csv'),
      h.http().post('/api/v1/imports/1/cancel'),
      h
        .http()
        .post('/api/v1/dnc')
        .send({ phones: ['0912000022'] }),
      h.http().delete('/api/v1/dnc/0912000022'),
      h
        .http()
        .post('/api/v1/carrier-overrides')
        .attach('file', Buffer.from('phone,carrier\n0912000001,viettel\n'), 'o.csv'),
      h.http().post('/api/v1/units').send({ code: 'a1', name: 'A', level: 'x' }),
      h.http().post('/api/v1/units/import').attach('file', Buffer.from('code,name,level\na2,A,x\n'), 'u.csv'),
      h.http().post(`/api/v1/units/${ids['339']}/move`).send({ parentId: null }),
    ];
    for (const req of refused) await req.set(analyst).expect(403);
    const { rows } = await h.sql.query(`SELECT count(*) FROM subscribers`);
    expect(Number(rows[0].count)).toBe(4);
  });
});
