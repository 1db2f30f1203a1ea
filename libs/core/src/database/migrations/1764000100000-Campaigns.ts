import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns, their runs, one delivery per person per run, one message per channel attempt, and the
 * gateway state that must survive restarts (Zalo tokens, live rate settings, pauses).
 */
export class Campaigns1764000100000 implements MigrationInterface {
  name = 'Campaigns1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE templates (
        id               serial PRIMARY KEY,
        name             text NOT NULL,
        channel          text NOT NULL,
        body             text,
        unaccented       boolean NOT NULL DEFAULT true,
        zns_template_id  text,
        zns_params       jsonb,
        unit_id          integer REFERENCES units(id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT templates_channel CHECK (channel IN ('sms', 'zns')),
        CONSTRAINT templates_sms_body CHECK (channel <> 'sms' OR body IS NOT NULL),
        CONSTRAINT templates_zns_id CHECK (channel <> 'zns' OR zns_template_id IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE campaigns (
        id                  serial PRIMARY KEY,
        name                text NOT NULL,
        unit_id             integer REFERENCES units(id),
        segment_id          integer NOT NULL REFERENCES segments(id),
        status              text NOT NULL DEFAULT 'draft',
        brandname           text NOT NULL,
        channels            jsonb NOT NULL,
        schedule_cron       text,
        run_at              timestamptz,
        starts_at           timestamptz,
        ends_at             timestamptz,
        timezone            text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
        window_start_minute smallint NOT NULL DEFAULT 420,
        window_end_minute   smallint NOT NULL DEFAULT 1320,
        frequency_cap       smallint NOT NULL DEFAULT 3,
        cap_window_hours    smallint NOT NULL DEFAULT 24,
        stop_on_click       boolean NOT NULL DEFAULT true,
        stop_on_install     boolean NOT NULL DEFAULT true,
        validity_hours      smallint NOT NULL DEFAULT 12,
        target_url          text NOT NULL DEFAULT 'https://bluezone.gov.vn/taiapp',
        target_android      text,
        target_ios          text,
        next_fire_at        timestamptz,
        last_fire_at        timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT campaigns_status CHECK
          (status IN ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
        CONSTRAINT campaigns_window CHECK
          (window_start_minute BETWEEN 0 AND 1440 AND window_end_minute BETWEEN 0 AND 1440)
      )`);
    await q.query(
      `CREATE INDEX campaigns_due_idx ON campaigns (next_fire_at) WHERE status IN ('scheduled', 'running')`,
    );

    // UNIQUE (campaign_id, fire_time) is what makes "exactly one run per fire time" hold with many schedulers.
    await q.query(`
      CREATE TABLE campaign_runs (
        id           bigserial PRIMARY KEY,
        campaign_id  integer NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        fire_time    timestamptz NOT NULL,
        status       text NOT NULL DEFAULT 'pending',
        expires_at   timestamptz NOT NULL,
        targeted     integer NOT NULL DEFAULT 0,
        note         text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        started_at   timestamptz,
        finished_at  timestamptz,
        CONSTRAINT campaign_runs_once UNIQUE (campaign_id, fire_time),
        CONSTRAINT campaign_runs_status CHECK
          (status IN ('pending', 'fanning_out', 'dispatching', 'completed', 'skipped', 'cancelled'))
      )`);

    // One delivery per person per run. No FK to subscribers: fan-out inserts a million rows at a time and the
    // row keeps its own snapshot (phone, carrier, unit) for reporting even if the person is later removed.
    await q.query(`
      CREATE TABLE deliveries (
        id                bigserial PRIMARY KEY,
        run_id            bigint NOT NULL REFERENCES campaign_runs(id) ON DELETE CASCADE,
        campaign_id       integer NOT NULL,
        subscriber_id     bigint NOT NULL,
        phone             text NOT NULL,
        carrier           text NOT NULL,
        unit_id           integer,
        link_code         text NOT NULL,
        status            text NOT NULL DEFAULT 'pending',
        channel_index     smallint NOT NULL DEFAULT 0,
        error_code        text,
        error_text        text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        queued_at         timestamptz,
        sent_at           timestamptz,
        delivered_at      timestamptz,
        final_at          timestamptz,
        first_clicked_at  timestamptz,
        CONSTRAINT deliveries_once UNIQUE (run_id, subscriber_id),
        CONSTRAINT deliveries_link_code UNIQUE (link_code),
        CONSTRAINT deliveries_status CHECK
          (status IN ('pending', 'queued', 'sending', 'sent', 'delivered', 'failed', 'expired', 'cancelled'))
      )`);
    await q.query(`CREATE INDEX deliveries_subscriber_idx ON deliveries (subscriber_id, created_at)`);
    await q.query(`CREATE INDEX deliveries_run_status_idx ON deliveries (run_id, status)`);

    // One message per channel attempt of a delivery; request_id is our idempotency key towards the gateway
    // (eSMS RequestId, Viettel RequestID, VNPT REQID, Zalo tracking_id).
    await q.query(`
      CREATE TABLE messages (
        id                   bigserial PRIMARY KEY,
        delivery_id          bigint NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        channel_index        smallint NOT NULL,
        channel              text NOT NULL,
        gateway_id           text NOT NULL,
        request_id           text NOT NULL,
        status               text NOT NULL DEFAULT 'sending',
        attempts             smallint NOT NULL DEFAULT 0,
        provider_message_id  text,
        error_code           text,
        error_text           text,
        segments             smallint NOT NULL DEFAULT 1,
        cost                 numeric(12, 2) NOT NULL DEFAULT 0,
        created_at           timestamptz NOT NULL DEFAULT now(),
        sent_at              timestamptz,
        delivered_at         timestamptz,
        CONSTRAINT messages_once UNIQUE (delivery_id, channel_index),
        CONSTRAINT messages_request_id UNIQUE (request_id),
        CONSTRAINT messages_channel CHECK (channel IN ('sms', 'zns')),
        CONSTRAINT messages_status CHECK (status IN ('sending', 'sent', 'delivered', 'failed', 'unknown'))
      )`);
    await q.query(
      `CREATE INDEX messages_provider_idx ON messages (gateway_id, provider_message_id) WHERE provider_message_id IS NOT NULL`,
    );

    // Zalo OAuth pair: the refresh token is single-use, so the new pair is stored here atomically before use.
    await q.query(`
      CREATE TABLE gateway_tokens (
        gateway_id         text PRIMARY KEY,
        access_token       text NOT NULL,
        refresh_token      text NOT NULL,
        access_expires_at  timestamptz NOT NULL,
        version            integer NOT NULL DEFAULT 1,
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);

    // Live per-gateway settings that change without a restart (rate) and pauses (quota exhausted).
    await q.query(`
      CREATE TABLE gateway_settings (
        gateway_id       text PRIMARY KEY,
        rate_per_second  integer,
        paused_until     timestamptz,
        pause_reason     text,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT gateway_settings_rate CHECK (rate_per_second IS NULL OR rate_per_second > 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'gateway_settings',
      'gateway_tokens',
      'messages',
      'deliveries',
      'campaign_runs',
      'campaigns',
      'templates',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
