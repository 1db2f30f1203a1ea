import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each SMS template is registered as at each gateway (docs/templates.md, "Registrations"): gateway id → the
 * registered content pattern (Viettel, eSMS) or the registered template with its parameters (VNPT). Checked before a
 * campaign is scheduled; VNPT sends are built from it.
 */
export class TemplateRegistrations1764001100000 implements MigrationInterface {
  name = 'TemplateRegistrations1764001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE templates ADD COLUMN registrations jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE templates DROP COLUMN IF EXISTS registrations`);
  }
}
