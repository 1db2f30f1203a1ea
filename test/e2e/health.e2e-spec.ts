import { MIGRATIONS } from '@loa/core/database/migrations';
import { ApiHarness, startApi } from '@loa/testing';

describe('api basics (e2e)', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  it('reports PostgreSQL and Redis on /health without a key', async () => {
    const res = await h.http().get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document', async () => {
    const res = await h.http().get('/api/docs-json').expect(200);
    expect(res.body.info.title).toBe('Loa');
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/health',
      '/api/v1/api-keys',
      '/api/v1/units',
      '/api/v1/subscribers',
      '/api/v1/imports/subscribers',
      '/api/v1/segments',
      '/api/v1/templates',
      '/api/v1/campaigns',
      '/api/v1/campaigns/{id}/preview',
      '/api/v1/gateways/{id}',
      '/api/v1/installs',
      '/api/v1/stats',
      '/api/v1/reports/progress',
      '/r/{code}',
    ]) {
      expect(paths).toContain(p);
    }
  });

  it('refuses a request without a key, and one with a forged key', async () => {
    await h.http().get('/api/v1/api-keys').expect(401);
    await h
      .http()
      .get('/api/v1/api-keys')
      .set('Authorization', 'Bearer loa_000000000000_forgedforgedforgedforged')
      .expect(401);
    await h.http().get('/api/v1/api-keys').set('Authorization', `Bearer ${h.adminToken}`).expect(200);
  });

  it('creates a key, audits it, and a revoked key stops working', async () => {
    const auth = { Authorization: `Bearer ${h.adminToken}` };
    const created = await h
      .http()
      .post('/api/v1/api-keys')
      .set(auth)
      .send({ name: 'analyst', role: 'analyst' })
      .expect(201);
    await h
      .http()
      .get('/api/v1/audit')
      .set({ Authorization: `Bearer ${created.body.token}` })
      .expect(403);
    await h.http().delete(`/api/v1/api-keys/${created.body.id}`).set(auth).expect(200);
    const audit = await h.http().get('/api/v1/audit').set(auth).expect(200);
    expect(audit.body.map((a: { action: string }) => a.action)).toEqual(['revoke', 'create']);
  });

  it('lists every field problem in one 400', async () => {
    const res = await h
      .http()
      .post('/api/v1/api-keys')
      .set({ Authorization: `Bearer ${h.adminToken}` })
      .send({ role: 'boss', extra: 1 })
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['extra', 'name', 'role']);
  });

  it('has applied every migration', async () => {
    const { rows } = await h.sql.query('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });
});
