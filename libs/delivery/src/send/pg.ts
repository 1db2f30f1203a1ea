import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

/**
 * The pg pool under TypeORM's DataSource. The send path is a few hand-written statements per message; the raw pool
 * returns plain rows (TypeORM's query() changes shape for UPDATE … RETURNING) and costs no extra connections.
 */
export function pgPool(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

/**
 * Runs `fn` in a transaction on one pooled client. pg-pool drops its own error listener while a client is checked
 * out, so a backend terminated between two statements (failover, pg_terminate_backend) would emit an unhandled
 * 'error' and kill the process: we listen for the checkout's duration, and a broken client is destroyed on release
 * instead of going back to the pool.
 */
export async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  let broken: Error | undefined;
  const onError = (e: Error) => (broken = e);
  c.on('error', onError);
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.removeListener('error', onError);
    c.release(broken);
  }
}
