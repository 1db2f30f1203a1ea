import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CredentialCache } from '@loa/access';
import { ApiHarness, startApi, waitFor } from '@loa/testing';
import { createApiApp } from '../../apps/api/src/bootstrap';

jest.setTimeout(60_000);

/**
 * Browser sessions and revocation (issue 11.7): the cookie holds a session id, never the key; a session reads and
 * never writes; signing out ends it; revoking a key ends it and its sessions on every api process at once — shown
 * with a second api on the same database and Redis, whose credential cache had just verified them.
 */
describe('sessions and revocation across api processes (e2e)', () => {
  let h: ApiHarness;
  let second: INestApplication;
  const other = () => request(second.getHttpServer());
  const admin = () => ({ Authorization: `Bearer ${h.adminToken}` });

  beforeAll(async () => {
    h = await startApi();
    second = await createApiApp(h.cfg);
    await second.listen(0, '127.0.0.1');
    // Both apis verify once, so that each listens for revocations (and caches) from here on.
    for (const api of [h.app, second]) {
      await request(api.getHttpServer()).get('/api/v1/units').set(admin()).expect(200);
      await waitFor('the api to listen for revocations', async () => api.get(CredentialCache).listening, 5000, 20);
    }
  });
  afterAll(async () => {
    await second?.close();
    await h?.close();
  });

  it('gives the browser a session id in an HttpOnly, SameSite=Strict cookie, never the key; stores only its hash', async () => {
    const key = await h.key('operator');
    const res = await h.http().post('/dashboard/login').type('form').send({ key }).expect(303);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n');
    expect(cookie).toMatch(
      /^loa_session=ls_[\w-]{43}; Max-Age=43200; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/,
    );
    expect(cookie).not.toContain(key);
    expect(cookie).not.toContain(key.slice('loa_123456789abc_'.length)); // the secret alone
    const token = /loa_session=([^;]+)/.exec(cookie)![1];
    const { rows } = await h.sql.query(`SELECT to_jsonb(s)::text AS row FROM sessions s`);
    expect(rows).toHaveLength(1);
    expect(rows[0].row).not.toContain(token);
    expect(rows[0].row).not.toContain(token.slice(3));
  });

  it('reads with a session, writes only from the console (its header and origin); a key in the cookie is refused', async () => {
    const key = await h.key('admin');
    const session = await h.signIn(key);
    await h.http().get('/api/v1/units').set('Cookie', session).expect(200);
    await h.http().get('/dashboard').set('Cookie', session).expect(200);
    await h
      .http()
      .post('/api/v1/units')
      .set('Cookie', session)
      .send({ code: 'X1', name: 'X', level: 'province' })
      .expect(401);
    // The console's own changes: its header, from its own origin (or none sent); a foreign origin changes nothing.
    const own = `http://127.0.0.1:${(h.app.getHttpServer().address() as { port: number }).port}`;
    const create = (code: string, headers: Record<string, string>) =>
      h.http().post('/api/v1/units').set('Cookie', session).set(headers).send({ code, name: 'Xã', level: 'province' });
    await create('S1', { 'X-Loa-Console': '1', Origin: 'https://evil.example' }).expect(401);
    await create('S2', { 'X-Loa-Console': 'yes' }).expect(401);
    await create('S3', { 'X-Loa-Console': '1', Origin: own }).expect(201);
    await create('S4', { 'X-Loa-Console': '1' }).expect(201);
    await create('S5', { 'X-Loa-Console': '1', Authorization: 'Bearer nope' }).expect(401); // a bad key is not ignored
    const { rows } = await h.sql.query(`SELECT code FROM units WHERE code LIKE 'S_' ORDER BY code`);
    expect(rows.map((r) => r.code)).toEqual(['S3', 'S4']);
    for (const bad of [`loa_session=${key}`, `loa_key=${key}`, 'loa_session=ls_' + 'A'.repeat(43), 'loa_session=']) {
      const res = await h.http().get('/api/v1/units').set('Cookie', bad).expect(401);
      expect(res.body.message).toMatch(/API key|session/);
    }
    await h.http().post('/dashboard/login').type('form').send({ key: 'loa_000000000000_wrong' }).expect(401);
  });

  it('ends a session on signing out, on every process at once', async () => {
    const session = await h.signIn(await h.key('analyst'));
    await other().get('/api/v1/units').set('Cookie', session).expect(200); // now cached by the second api
    await h.http().post('/dashboard/logout').set('Cookie', session).expect(303);
    await other().get('/api/v1/units').set('Cookie', session).expect(401);
    await h.http().get('/api/v1/units').set('Cookie', session).expect(401);
  });

  it('a revoked key, and its sessions, stop on every process at once', async () => {
    for (let round = 0; round < 5; round++) {
      const key = await h.key('operator');
      const bearer = { Authorization: `Bearer ${key}` };
      const session = await h.signIn(key);
      // Verified (and cached) by the second api a moment before the revocation on the first.
      await other().get('/api/v1/units').set(bearer).expect(200);
      await other().get('/api/v1/units').set('Cookie', session).expect(200);
      const { body: keys } = await h.http().get('/api/v1/api-keys').set(admin()).expect(200);
      const id = keys.find((k: { prefix: string }) => key.startsWith(`loa_${k.prefix}_`)).id;
      await h.http().delete(`/api/v1/api-keys/${id}`).set(admin()).expect(200);
      await other().get('/api/v1/units').set(bearer).expect(401);
      await other().get('/api/v1/units').set('Cookie', session).expect(401);
      await h.http().get('/api/v1/units').set(bearer).expect(401);
    }
    const { rows } = await h.sql.query(
      `SELECT count(*)::int AS open FROM sessions s JOIN api_keys k ON k.id = s.api_key_id
        WHERE k.revoked_at IS NOT NULL AND s.ended_at IS NULL`,
    );
    expect(rows[0].open).toBe(0);
  });

  it('an expired session is refused', async () => {
    const session = await h.signIn(await h.key('analyst'));
    await h.sql.query(
      `UPDATE sessions SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 hour'
        WHERE id = (SELECT max(id) FROM sessions)`,
    );
    await h.http().get('/api/v1/units').set('Cookie', session).expect(401);
  });
});
