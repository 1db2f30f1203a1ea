import { MigrationInterface, QueryRunner } from 'typeorm';

/** Subscriber imports: a progress fraction (bytes read / file size) and lookups used by the import and lists. */
export class SubscriberImports1764000200000 implements MigrationInterface {
  name = 'SubscriberImports1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE imports ADD COLUMN progress real NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX imports_active_idx ON imports (id) WHERE status IN ('pending', 'running')`);
    await q.query(`CREATE INDEX units_code_path_idx ON units (code) INCLUDE (id, path)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS units_code_path_idx`);
    await q.query(`DROP INDEX IF EXISTS imports_active_idx`);
    await q.query(`ALTER TABLE imports DROP COLUMN IF EXISTS progress`);
  }
}
