import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-doubt sends awaiting a delivery report (docs/dispatch.md, "In doubt"): a message still `sending` whose answer
 * was lost gets a deadline; a report naming it resolves it (the tracking applier marks it delivered/failed), else
 * the worker's sweep moves the delivery on at the deadline.
 */
export class DispatchInDoubt1764000900000 implements MigrationInterface {
  name = 'DispatchInDoubt1764000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN in_doubt_until timestamptz`);
    // The sweep reads only the few messages waiting; the partial index stays tiny.
    await q.query(
      `CREATE INDEX messages_in_doubt_idx ON messages (in_doubt_until) WHERE status = 'sending' AND in_doubt_until IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS messages_in_doubt_idx`);
    await q.query(`ALTER TABLE messages DROP COLUMN IF EXISTS in_doubt_until`);
  }
}
