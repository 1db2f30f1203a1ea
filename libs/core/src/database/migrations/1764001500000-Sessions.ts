import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions (docs/security.md, "Sessions"): signing in with an API key on a page gives the browser a random
 * session id in an HttpOnly cookie, never the key. Only the id's SHA-256 is stored. A session ends on sign-out, at
 * `expires_at`, or when its key is revoked.
 */
export class Sessions1764001500000 implements MigrationInterface {
  name = 'Sessions1764001500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id          bigserial PRIMARY KEY,
        token_hash  text NOT NULL UNIQUE,
        api_key_id  integer NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        ended_at    timestamptz,
        CONSTRAINT sessions_expiry CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX sessions_key ON sessions (api_key_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX sessions_expires ON sessions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sessions`);
  }
}
