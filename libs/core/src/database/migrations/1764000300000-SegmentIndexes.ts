import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for segment counts and fan-out on millions of subscribers (docs/segments.md explains each, with plans).
 * Partial indexes keep them small: most people never click, and reminders target the not-yet-installed.
 */
export class SegmentIndexes1764000300000 implements MigrationInterface {
  name = 'SegmentIndexes1764000300000';

  async up(q: QueryRunner): Promise<void> {
    // The typical audience: not yet installed, narrowed by unit subtree. No opted_out_at condition on purpose: counts
    // also report how many were excluded as opted out, so the same index serves counts and fan-out.
    await q.query(
      `CREATE INDEX subscribers_not_installed_unit_idx ON subscribers (unit_id) WHERE installed_at IS NULL`,
    );
    // "Clicked within N days": only clickers are indexed.
    await q.query(
      `CREATE INDEX subscribers_last_clicked_idx ON subscribers (last_clicked_at) WHERE last_clicked_at IS NOT NULL`,
    );
    // "Installed": only installers are indexed.
    await q.query(
      `CREATE INDEX subscribers_installed_idx ON subscribers (installed_at) WHERE installed_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS subscribers_installed_idx`);
    await q.query(`DROP INDEX IF EXISTS subscribers_last_clicked_idx`);
    await q.query(`DROP INDEX IF EXISTS subscribers_not_installed_unit_idx`);
  }
}
