import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateUnderLock } from '@loa/core';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '@loa/testing';

describe('migrations', () => {
  const cfg = testConfig(uniqueName());

  beforeAll(() => createTestDatabase(cfg));
  afterAll(() => dropTestDatabase(cfg));

  it('applies each migration exactly once when several processes start together', async () => {
    const sql = await sqlClient(cfg);
    await sql.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await sql.end();
    const sources = await Promise.all(
      Array.from({ length: 4 }, () => new DataSource(dataSourceOptions(cfg)).initialize()),
    );
    try {
      const applied = await Promise.all(sources.map((ds) => migrateUnderLock(ds)));
      const all = applied.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
      const rows = await sources[0].query('SELECT name FROM migrations');
      expect(rows.length).toBe(all.length);
    } finally {
      await Promise.all(sources.map((ds) => ds.destroy()));
    }
  });

  it('can be reverted to nothing and applied again', async () => {
    const ds = await new DataSource(dataSourceOptions(cfg)).initialize();
    try {
      const n = (await ds.query('SELECT count(*)::int AS n FROM migrations'))[0].n;
      for (let i = 0; i < n; i++) await ds.undoLastMigration();
      expect(await ds.query(`SELECT to_regclass('public.subscribers') AS t`)).toEqual([{ t: null }]);
      expect((await migrateUnderLock(ds)).length).toBe(n);
    } finally {
      await ds.destroy();
    }
  });
});
