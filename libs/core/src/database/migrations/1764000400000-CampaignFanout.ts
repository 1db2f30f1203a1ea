import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fan-out bookkeeping on runs (resume point, the instant the audience was evaluated at, exclusions by reason)
 * and an index for the scheduler's sweeps over open runs.
 */
export class CampaignFanout1764000400000 implements MigrationInterface {
  name = 'CampaignFanout1764000400000';

  async up(q: QueryRunner): Promise<void> {
    // fanout_cursor: last subscriber id fanned out; a killed worker resumes after it (batches are by id range).
    // fanout_now: the business time the audience, cap and stop rules were evaluated at, reused by every batch.
    // excluded: people the segment matched but who got no delivery, by reason ({"opted_out": 3, ...}).
    await q.query(`
      ALTER TABLE campaign_runs
        ADD COLUMN fanout_cursor bigint NOT NULL DEFAULT 0,
        ADD COLUMN fanout_now    timestamptz,
        ADD COLUMN excluded      jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(
      `CREATE INDEX campaign_runs_open_idx ON campaign_runs (campaign_id) WHERE status IN ('pending', 'fanning_out', 'dispatching')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS campaign_runs_open_idx`);
    await q.query(`ALTER TABLE campaign_runs DROP COLUMN excluded, DROP COLUMN fanout_now, DROP COLUMN fanout_cursor`);
  }
}
