import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: administrative units, subscribers and their suppression lists, imports, segments,
 * access control and the audit log.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // Units form a tree of any depth. `path` is the materialised path of ids ("/1/7/42/") so a subtree is one
    // prefix scan on an index (text_pattern_ops), whatever the depth.
    await q.query(`
      CREATE TABLE units (
        id          serial PRIMARY KEY,
        code        text NOT NULL UNIQUE,
        name        text NOT NULL,
        level       text NOT NULL,
        parent_id   integer REFERENCES units(id) ON DELETE RESTRICT,
        path        text NOT NULL,
        depth       smallint NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX units_parent_idx ON units (parent_id)`);
    await q.query(`CREATE INDEX units_path_idx ON units (path text_pattern_ops)`);

    // One row per person: phone in canonical 84XXXXXXXXX form.
    await q.query(`
      CREATE TABLE subscribers (
        id                bigserial PRIMARY KEY,
        phone             text NOT NULL UNIQUE,
        carrier           text NOT NULL,
        carrier_source    text NOT NULL DEFAULT 'prefix',
        unit_id           integer REFERENCES units(id) ON DELETE SET NULL,
        name              text,
        tags              text[] NOT NULL DEFAULT '{}',
        attributes        jsonb NOT NULL DEFAULT '{}'::jsonb,
        opted_out_at      timestamptz,
        installed_at      timestamptz,
        last_clicked_at   timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT subscribers_phone_format CHECK (phone ~ '^84[0-9]{9}$'),
        CONSTRAINT subscribers_carrier_source CHECK (carrier_source IN ('prefix', 'override', 'report'))
      )`);
    await q.query(`CREATE INDEX subscribers_unit_idx ON subscribers (unit_id)`);
    await q.query(`CREATE INDEX subscribers_carrier_idx ON subscribers (carrier)`);
    await q.query(`CREATE INDEX subscribers_tags_idx ON subscribers USING gin (tags)`);

    // National Do-Not-Call list and operator carrier overrides (ported numbers), both keyed by canonical phone,
    // independent of whether the person is a subscriber yet.
    await q.query(`
      CREATE TABLE dnc_numbers (
        phone       text PRIMARY KEY,
        source      text,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE carrier_overrides (
        phone       text PRIMARY KEY,
        carrier     text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE api_keys (
        id            serial PRIMARY KEY,
        name          text NOT NULL,
        prefix        text NOT NULL UNIQUE,
        secret_hash   text NOT NULL,
        role          text NOT NULL,
        unit_id       integer REFERENCES units(id) ON DELETE RESTRICT,
        created_by    integer REFERENCES api_keys(id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_used_at  timestamptz,
        revoked_at    timestamptz,
        CONSTRAINT api_keys_role CHECK (role IN ('admin', 'operator', 'analyst'))
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id          bigserial PRIMARY KEY,
        api_key_id  integer REFERENCES api_keys(id),
        action      text NOT NULL,
        entity      text NOT NULL,
        entity_id   text,
        details     jsonb NOT NULL DEFAULT '{}'::jsonb,
        at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);

    // Imports run in the background; their rejected rows are kept for the report.
    await q.query(`
      CREATE TABLE imports (
        id            bigserial PRIMARY KEY,
        kind          text NOT NULL,
        status        text NOT NULL DEFAULT 'pending',
        filename      text,
        unit_id       integer REFERENCES units(id),
        api_key_id    integer REFERENCES api_keys(id),
        rows_total    integer NOT NULL DEFAULT 0,
        rows_accepted integer NOT NULL DEFAULT 0,
        rows_rejected integer NOT NULL DEFAULT 0,
        inserted      integer NOT NULL DEFAULT 0,
        updated       integer NOT NULL DEFAULT 0,
        error         text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        started_at    timestamptz,
        finished_at   timestamptz,
        CONSTRAINT imports_status CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled'))
      )`);
    await q.query(`
      CREATE TABLE import_rejections (
        import_id  bigint NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        line       integer NOT NULL,
        raw        text,
        reason     text NOT NULL,
        PRIMARY KEY (import_id, line)
      )`);

    await q.query(`
      CREATE TABLE segments (
        id          serial PRIMARY KEY,
        name        text NOT NULL,
        unit_id     integer REFERENCES units(id),
        filter      jsonb NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'segments',
      'import_rejections',
      'imports',
      'audit_log',
      'api_keys',
      'carrier_overrides',
      'dnc_numbers',
      'subscribers',
      'units',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
