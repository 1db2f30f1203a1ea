import { EntityManager } from 'typeorm';

/**
 * Marks runs whose statistics must be rebuilt (a report, click or install touched them). Cheap: one upsert per
 * batch, not per row; the roll-up picks them up on its next pass.
 */
export async function markRunsDirty(manager: EntityManager, runIds: (string | number)[], at: Date): Promise<void> {
  if (!runIds.length) return;
  await manager.query(
    `INSERT INTO stats_runs (run_id, dirty_at)
     SELECT DISTINCT unnest($1::bigint[]), $2::timestamptz
     ON CONFLICT (run_id) DO UPDATE SET dirty_at = EXCLUDED.dirty_at`,
    [runIds.map(String), at],
  );
}
