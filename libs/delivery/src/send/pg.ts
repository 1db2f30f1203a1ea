import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

/**
 * The pg pool under TypeORM's DataSource. The send path is a few hand-written statements per message; the raw pool
 * returns plain rows (TypeORM's query() changes shape for UPDATE … RETURNING) and costs no extra connections.
 */
export function pgPool(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

export async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
