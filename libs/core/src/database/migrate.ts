import { DataSource } from 'typeorm';

/** Arbitrary but fixed: every Loa process that migrates takes this advisory lock first. */
const MIGRATION_LOCK_KEY = 7_301_2020;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that several processes starting at once
 * (api + N workers) migrate exactly once and the others wait, then find nothing to do.
 */
export async function migrateUnderLock(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
