import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper inserts into `deliveries`, which fan-out fills a million rows at a time (measured in bench/fanout.bench.ts,
 * figures in docs/performance.md). Every query on deliveries keeps an index-backed plan:
 * - `deliveries_run_status_idx (run_id, status)` goes: a run's open deliveries are served by the partial
 *   `deliveries_run_open_idx`, whole-run scans (counts by status, roll-up) by `deliveries_once (run_id, …)`, and the
 *   failures export by the new partial index below, which a fan-out insert never touches (rows start `pending`).
 * - The foreign key run_id → campaign_runs goes: its check was a per-row lookup costing about a quarter of the
 *   fan-out's time. Fan-out is what inserts deliveries, and each batch updates its run row (status `fanning_out`)
 *   in the same transaction, rolling back if it is not there; runs are never deleted (only draft campaigns, which
 *   have no runs, can be).
 * - `link_code` compares bytewise (COLLATE "C"): codes are base62, looked up by equality only, and each insert's
 *   ~20 comparisons down the unique index skip the locale's strcoll.
 */
export class FanoutSpeed1764000700000 implements MigrationInterface {
  name = 'FanoutSpeed1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS deliveries_run_status_idx`);
    await q.query(
      `CREATE INDEX deliveries_run_failed_idx ON deliveries (run_id) WHERE status IN ('failed', 'expired')`,
    );
    await q.query(`ALTER TABLE deliveries DROP CONSTRAINT IF EXISTS deliveries_run_id_fkey`);
    await q.query(`ALTER TABLE deliveries ALTER COLUMN link_code TYPE text COLLATE "C"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deliveries ALTER COLUMN link_code TYPE text COLLATE "default"`);
    await q.query(
      `ALTER TABLE deliveries ADD CONSTRAINT deliveries_run_id_fkey FOREIGN KEY (run_id) REFERENCES campaign_runs(id) ON DELETE CASCADE`,
    );
    await q.query(`DROP INDEX IF EXISTS deliveries_run_failed_idx`);
    await q.query(`CREATE INDEX deliveries_run_status_idx ON deliveries (run_id, status)`);
  }
}
