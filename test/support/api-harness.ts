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
  return {
    cfg,
    app,
    sql,
    adminToken,
    key,
    http: () => request(app.getHttpServer()),
    async close() {
      await sql.end();
      await app.close();
      await dropTestDatabase(cfg);
    },
  };
}
