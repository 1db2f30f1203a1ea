import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, dataSourceOptions, migrateUnderLock } from '@loa/core';
import { Redis } from 'ioredis';

function adminUrl(cfg: AppConfig): string {
  const url = new URL(cfg.database.url);
  url.pathname = '/postgres';
  return url.toString();
}

/** Creates the config's database and migrates it with the app's own migrations. */
export async function createTestDatabase(cfg: AppConfig): Promise<void> {
  const name = new URL(cfg.database.url).pathname.slice(1);
  const admin = new Client({ connectionString: adminUrl(cfg) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const ds = new DataSource(dataSourceOptions(cfg));
  await ds.initialize();
  try {
    await migrateUnderLock(ds);
  } finally {
    await ds.destroy();
  }
}

/** Drops the database and every Redis key under the config's prefix (only this run's keys). */
export async function dropTestDatabase(cfg: AppConfig): Promise<void> {
  const name = new URL(cfg.database.url).pathname.slice(1);
  const admin = new Client({ connectionString: adminUrl(cfg) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(cfg.redis.url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${cfg.redis.prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A plain pg client on the test database, for arranging and asserting with SQL. */
export async function sqlClient(cfg: AppConfig): Promise<Client> {
  const c = new Client({ connectionString: cfg.database.url });
  await c.connect();
  return c;
}
