import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dispatch: open-deliveries index for keyset batches, and per-campaign channel blocks (Zalo template broken). */
export class Dispatch1764000500000 implements MigrationInterface {
  name = 'Dispatch1764000500000';

  async up(q: QueryRunner): Promise<void> {
    // dispatch-run reads a run's open deliveries in id order, batch after batch: a partial index keeps each batch
    // an index range scan however large the run, and shrinks as deliveries reach a final state.
    await q.query(
      `CREATE INDEX deliveries_run_open_idx ON deliveries (run_id, id) WHERE status IN ('pending', 'queued', 'sending')`,
    );
    // A channel of a campaign stopped for good (Zalo -109/-131: template invalid or not approved): the rest of the
    // campaign's deliveries skip to their next channel. Kept as rows so every worker process sees it.
    await q.query(`
      CREATE TABLE campaign_channel_blocks (
        campaign_id    integer NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        channel_index  smallint NOT NULL,
        code           text NOT NULL,
        text           text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (campaign_id, channel_index)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS campaign_channel_blocks`);
    await q.query(`DROP INDEX IF EXISTS deliveries_run_open_idx`);
  }
}
