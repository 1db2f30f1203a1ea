import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { AppConfig } from '@loa/core';
import { ApiKeysService, Role } from '@loa/access';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase, dropTestDatabase, sqlClient } from './test-database';
import { testConfig, uniqueName } from './test-config';

/** A real api on a fresh, migrated database, with a national admin key; `close()` drops everything. */
export interface ApiHarness {
  cfg: AppConfig;
  app: INestApplication;
  sql: Client;
  adminToken: string;
  http: () => ReturnType<typeof request>;
  /** Issues an API key directly (as the CLI does) and returns its token. */
  key(role: Role, unitId?: number | null): Promise<string>;
  /** Signs in on the page with a key, as a browser does; returns the session's `Cookie` header value. */
  signIn(token: string): Promise<string>;
  close(): Promise<void>;
}

export async function startApi(patch?: (cfg: AppConfig) => void): Promise<ApiHarness> {
  const cfg = testConfig(uniqueName(), patch);
  await createTestDatabase(cfg);
  const app = await createApiApp(cfg);
  await app.listen(0, '127.0.0.1');
  const sql = await sqlClient(cfg);
  const keys = app.get(ApiKeysService);
  const key = async (role: Role, unitId: number | null = null) =>
    (await keys.create(`test ${role}`, role, unitId, null)).token;
  const adminToken = await key('admin');
  const http = () => request(app.getHttpServer());
  return {
    cfg,
    app,
    sql,
    adminToken,
    key,
    http,
    async signIn(token) {
      const res = await http().post('/dashboard/login').type('form').send({ key: token }).expect(303);
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('loa_session='));
      if (!cookie) throw new Error('signing in gave no session cookie');
      return cookie.split(';')[0];
    },
    async close() {
      await sql.end();
      await app.close();
      await dropTestDatabase(cfg);
    },
  };
}
