import { readFileSync } from 'node:fs';
import { ApiHarness, startApi } from '@loa/testing';
import { demoUnitsCsvPath } from '@loa/units';

jest.setTimeout(60_000);

describe('administrative units (e2e)', () => {
  let h: ApiHarness;
  let auth: { Authorization: string };
  const importUnits = (csv: Buffer | string) =>
    h.http().post('/api/v1/units/import').set(auth).attach('file', Buffer.from(csv), 'units.csv');
  const unit = async (code: string) => (await h.http().get(`/api/v1/units/by-code/${code}`).set(auth).expect(200)).body;

  beforeAll(async () => {
    h = await startApi();
    auth = { Authorization: `Bearer ${h.adminToken}` };
  });
  afterAll(() => h.close());

  it('imports the demo units in any order, with consistent paths, and again without changes', async () => {
    const csv = readFileSync(demoUnitsCsvPath());
    const lines = csv.toString('utf8').trim().split('\n').length - 1;
    const first = await importUnits(csv).expect(201);
    expect(first.body).toEqual({ inserted: lines, updated: 0, unchanged: 0 });
    const again = await importUnits(csv).expect(201);
    expect(again.body).toEqual({ inserted: 0, updated: 0, unchanged: lines });

    const roots = await h.http().get('/api/v1/units').set(auth).expect(200);
    expect(roots.body.map((u: { code: string }) => u.code)).toEqual(['08', '25', '33', '34', '36']);
    const tanLe = await unit('12592');
    const hungHa = await unit('339');
    const thaiBinh = await unit('34');
    expect(tanLe).toMatchObject({ name: 'Xã Tân Lễ', level: 'commune', depth: 2, parentId: hungHa.id });
    expect(tanLe.path).toBe(`/${thaiBinh.id}/${hungHa.id}/${tanLe.id}/`);
    const children = await h.http().get(`/api/v1/units?parent=${hungHa.id}`).set(auth).expect(200);
    expect(children.body.map((u: { code: string }) => u.code)).toContain('12586');
    const subtree = await h.http().get(`/api/v1/units/${thaiBinh.id}/subtree`).set(auth).expect(200);
    expect(subtree.body).toHaveLength(9);
  });

  it('refuses a bad file with every problem and its line, storing nothing', async () => {
    const before = (await h.sql.query('SELECT count(*) FROM units')).rows[0].count;
    const res = await importUnits(
      'code,name,level,parent_code\n900,A,district,999\n901,B,commune,900\n901,C,commune,900\n902,,commune,34\n',
    ).expect(400);
    expect(res.body.problems).toEqual([
      'line 4: duplicate code 901 (first on line 3)',
      'line 5: name is empty',
      'line 2: unknown parent_code 999',
    ]);
    const cycle = await importUnits('code,name,level,parent_code\n34,Tỉnh Thái Bình,province,12592\n').expect(400);
    expect(cycle.body.message).toMatch(/cycle/);
    expect((await h.sql.query('SELECT count(*) FROM units')).rows[0].count).toBe(before);
  });

  it('creates units and moves a subtree (the 2025 layout: communes straight under the province)', async () => {
    const hungHa = await unit('339');
    const created = await h
      .http()
      .post('/api/v1/units')
      .set(auth)
      .send({ code: '12589-x', name: 'Thôn Mới', level: 'village', parentCode: '12589' })
      .expect(201);
    expect(created.body.depth).toBe(3);
    await h.http().post('/api/v1/units').set(auth).send({ code: '12589-x', name: 'dup', level: 'x' }).expect(409);

    const thaiBinh = await unit('34');
    const commune = await unit('12589');
    await h.http().post(`/api/v1/units/${commune.id}/move`).set(auth).send({ parentId: thaiBinh.id }).expect(201);
    const moved = await unit('12589-x');
    expect(moved).toMatchObject({ depth: 2, path: `/${thaiBinh.id}/${commune.id}/${moved.id}/` });
    await h.http().post(`/api/v1/units/${thaiBinh.id}/move`).set(auth).send({ parentId: moved.id }).expect(400);
    expect(
      (await h.http().get(`/api/v1/units?parent=${hungHa.id}`).set(auth)).body.map((u: { code: string }) => u.code),
    ).not.toContain('12589');
    const audit = await h.sql.query(`SELECT action FROM audit_log WHERE entity = 'unit' ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['import', 'import', 'create', 'move']);
  });
});
