import { MigrationInterface, QueryRunner } from 'typeorm';

/** Upper bounds (seconds) of the delivery-latency histogram buckets; the last bucket is open-ended. */
export const LATENCY_BUCKETS_S = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600, 21600] as const;
const latencyColumns = [...LATENCY_BUCKETS_S, 'inf']
  .map((_, i) => `lat_b${i} integer NOT NULL DEFAULT 0`)
  .join(',\n        ');

/**
 * Tracking and statistics: the delivery-report inbox, clicks, attributed installs, and the pre-aggregated
 * statistics (one row per day × campaign × run × channel × carrier × unit) with the roll-up bookkeeping.
 */
export class Tracking1764000600000 implements MigrationInterface {
  name = 'Tracking1764000600000';

  async up(q: QueryRunner): Promise<void> {
    // Verified delivery reports, stored before the webhook answers and applied afterwards. dedupe_key makes a
    // gateway's retries of the same report idempotent; a report with no matching message yet stays unapplied.
    await q.query(`
      CREATE TABLE delivery_reports (
        id                   bigserial PRIMARY KEY,
        gateway_id           text NOT NULL,
        dedupe_key           text NOT NULL,
        provider_message_id  text,
        request_id           text,
        phone                text,
        status               text NOT NULL,
        carrier              text,
        code                 text,
        occurred_at          timestamptz NOT NULL,
        received_at          timestamptz NOT NULL DEFAULT now(),
        applied_at           timestamptz,
        tried_at             timestamptz,
        message_id           bigint,
        CONSTRAINT delivery_reports_dedupe UNIQUE (dedupe_key),
        CONSTRAINT delivery_reports_status CHECK (status IN ('delivered', 'failed', 'seen'))
      )`);
    await q.query(
      `CREATE INDEX delivery_reports_pending_idx ON delivery_reports (tried_at NULLS FIRST, id) WHERE applied_at IS NULL`,
    );

    // Every click on a short link, people and robots alike (ua_class tells them apart).
    await q.query(`
      CREATE TABLE clicks (
        id             bigserial PRIMARY KEY,
        stream_id      text NOT NULL,
        delivery_id    bigint NOT NULL,
        campaign_id    integer NOT NULL,
        run_id         bigint NOT NULL,
        subscriber_id  bigint NOT NULL,
        at             timestamptz NOT NULL,
        platform       text NOT NULL,
        ua_class       text NOT NULL,
        user_agent     text,
        ip_hash        text,
        CONSTRAINT clicks_stream_id UNIQUE (stream_id),
        CONSTRAINT clicks_platform CHECK (platform IN ('android', 'ios', 'other')),
        CONSTRAINT clicks_ua_class CHECK (ua_class IN ('human', 'preview', 'bot'))
      )`);
    await q.query(`CREATE INDEX clicks_delivery_idx ON clicks (delivery_id)`);
    await q.query(`CREATE INDEX clicks_run_idx ON clicks (run_id)`);

    // One install per person (the first one reported), attributed to the delivery that most likely caused it.
    await q.query(`
      CREATE TABLE installs (
        id             bigserial PRIMARY KEY,
        subscriber_id  bigint NOT NULL,
        phone          text NOT NULL,
        unit_id        integer,
        installed_at   timestamptz NOT NULL,
        delivery_id    bigint,
        campaign_id    integer,
        run_id         bigint,
        via            text,
        source         text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT installs_once UNIQUE (subscriber_id),
        CONSTRAINT installs_via CHECK (via IS NULL OR via IN ('click', 'message'))
      )`);
    await q.query(`CREATE INDEX installs_run_idx ON installs (run_id) WHERE run_id IS NOT NULL`);
    await q.query(`CREATE INDEX installs_unit_day_idx ON installs (unit_id, installed_at)`);

    // Pre-aggregated statistics, rebuilt per run by the worker's roll-up (never counted per request).
    await q.query(`
      CREATE TABLE stats_daily (
        day            date NOT NULL,
        campaign_id    integer NOT NULL,
        run_id         bigint NOT NULL,
        channel        text NOT NULL,
        carrier        text NOT NULL,
        unit_id        integer,
        targeted       integer NOT NULL DEFAULT 0,
        sent           integer NOT NULL DEFAULT 0,
        delivered      integer NOT NULL DEFAULT 0,
        failed         integer NOT NULL DEFAULT 0,
        expired        integer NOT NULL DEFAULT 0,
        clicked        integer NOT NULL DEFAULT 0,
        bot_clicks     integer NOT NULL DEFAULT 0,
        installed      integer NOT NULL DEFAULT 0,
        cost           numeric(14, 2) NOT NULL DEFAULT 0,
        failures       jsonb NOT NULL DEFAULT '{}'::jsonb,
        latency_sum_s  double precision NOT NULL DEFAULT 0,
        ${latencyColumns}
      )`);
    await q.query(`CREATE INDEX stats_daily_run_idx ON stats_daily (run_id)`);
    await q.query(`CREATE INDEX stats_daily_day_idx ON stats_daily (day, campaign_id)`);

    // Which runs need their statistics rebuilt: marked dirty by reports, clicks and installs; live runs are
    // rebuilt on every pass anyway.
    await q.query(`
      CREATE TABLE stats_runs (
        run_id     bigint PRIMARY KEY,
        dirty_at   timestamptz,
        rolled_at  timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['stats_runs', 'stats_daily', 'installs', 'clicks', 'delivery_reports']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
