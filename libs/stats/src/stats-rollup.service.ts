import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock } from '@loa/core';
import { LATENCY_COLUMNS, latencyBucketFilters } from './latency';

/** Session advisory lock: one roll-up pass at a time across every worker process. */
const ROLLUP_LOCK = 7_640_006;
const TZ = 'Asia/Ho_Chi_Minh';

/**
 * Rebuilds `stats_daily` run by run. A run is rebuilt when it is live (not yet past its expiry + grace: sends and
 * reports still move), or when a report, click or install marked it dirty since its last roll-up. Each run is
 * one GROUP BY over that run's deliveries (index on run_id) inside a transaction that swaps its rows, so readers
 * see either the old or the new figures, never half. Finished, untouched runs cost nothing.
 */
@Injectable()
export class StatsRollupService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('StatsRollup');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.rollupDue()
        .catch((e) => this.log.error(`roll-up failed: ${(e as Error).message}`))
        .finally(() => (this.running = undefined));
    }, this.cfg.tracking.statsRollupMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: rebuilds every run that is due; returns how many. Skips when another process holds the lock. */
  async rollupDue(): Promise<number> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      const [{ ok }] = await qr.query(`SELECT pg_try_advisory_lock($1) AS ok`, [ROLLUP_LOCK]);
      if (!ok) return 0;
      try {
        const now = this.clock.now();
        const due: { id: string }[] = await qr.query(
          `SELECT r.id FROM campaign_runs r LEFT JOIN stats_runs s ON s.run_id = r.id
            WHERE s.rolled_at IS NULL OR s.dirty_at >= s.rolled_at
               OR r.status IN ('pending', 'fanning_out', 'dispatching')
               OR r.expires_at > $1::timestamptz - make_interval(hours => $2)
            ORDER BY r.id`,
          [now, this.cfg.tracking.liveGraceHours],
        );
        for (const { id } of due) await this.rollupRun(id, qr);
        return due.length;
      } finally {
        await qr.query(`SELECT pg_advisory_unlock($1)`, [ROLLUP_LOCK]);
      }
    } finally {
      await qr.release();
    }
  }

  /** Rebuilds one run's statistics atomically. */
  async rollupRun(runId: string, qr: QueryRunner): Promise<void> {
    const startedAt = this.clock.now();
    await qr.startTransaction();
    try {
      await qr.query(`DELETE FROM stats_daily WHERE run_id = $1`, [runId]);
      await qr.query(ROLLUP_SQL, [runId, TZ]);
      await qr.query(
        `INSERT INTO stats_runs (run_id, rolled_at) VALUES ($1, $2)
         ON CONFLICT (run_id) DO UPDATE SET rolled_at = EXCLUDED.rolled_at`,
        [runId, startedAt],
      );
      await qr.commitTransaction();
    } catch (e) {
      await qr.rollbackTransaction();
      throw e;
    }
  }
}

const filters = latencyBucketFilters('lat');
const ROLLUP_SQL = `
  WITH m AS (
    -- Cost counts what a gateway accepted (sent_at is set on acceptance): refusals, -118 fallbacks, deferred
    -- attempts and in-doubt attempts never confirmed cost nothing.
    SELECT m.delivery_id, coalesce(sum(m.cost) FILTER (WHERE m.sent_at IS NOT NULL), 0) AS cost, max(m.channel) FILTER (WHERE m.channel_index = d.channel_index) AS channel
      FROM messages m JOIN deliveries d ON d.id = m.delivery_id
     WHERE d.run_id = $1
     GROUP BY m.delivery_id
  ), c AS (
    SELECT delivery_id, count(*) AS n FROM clicks WHERE run_id = $1 AND ua_class <> 'human' GROUP BY delivery_id
  ), i AS (
    SELECT DISTINCT delivery_id FROM installs WHERE run_id = $1
  ), x AS (
    SELECT (d.created_at AT TIME ZONE $2)::date AS day, d.campaign_id, coalesce(m.channel, 'none') AS channel,
           d.carrier, d.unit_id, d.status, d.sent_at, d.delivered_at, d.first_clicked_at,
           coalesce(m.cost, 0) AS cost, coalesce(c.n, 0) AS bot_clicks, i.delivery_id IS NOT NULL AS installed,
           CASE WHEN d.status = 'failed' THEN coalesce(d.error_code, 'unknown') END AS reason,
           extract(epoch FROM d.delivered_at - d.sent_at) AS lat
      FROM deliveries d
      LEFT JOIN m ON m.delivery_id = d.id
      LEFT JOIN c ON c.delivery_id = d.id
      LEFT JOIN i ON i.delivery_id = d.id
     WHERE d.run_id = $1
  ), s1 AS (
    SELECT day, campaign_id, channel, carrier, unit_id, reason,
           count(*) AS targeted,
           count(*) FILTER (WHERE sent_at IS NOT NULL OR status IN ('sent', 'delivered')) AS sent,
           count(*) FILTER (WHERE status = 'delivered') AS delivered,
           count(*) FILTER (WHERE status = 'failed') AS failed,
           count(*) FILTER (WHERE status = 'expired') AS expired,
           count(*) FILTER (WHERE first_clicked_at IS NOT NULL) AS clicked,
           sum(bot_clicks) AS bot_clicks,
           count(*) FILTER (WHERE installed) AS installed,
           sum(cost) AS cost,
           coalesce(sum(lat) FILTER (WHERE lat >= 0), 0) AS latency_sum_s,
           ${filters.map((f, i) => `count(*) FILTER (WHERE ${f}) AS ${LATENCY_COLUMNS[i]}`).join(',\n           ')}
      FROM x
     GROUP BY day, campaign_id, channel, carrier, unit_id, reason
  )
  INSERT INTO stats_daily (day, campaign_id, run_id, channel, carrier, unit_id, targeted, sent, delivered, failed,
                           expired, clicked, bot_clicks, installed, cost, failures, latency_sum_s,
                           ${LATENCY_COLUMNS.join(', ')})
  SELECT day, campaign_id, $1, channel, carrier, unit_id, sum(targeted), sum(sent), sum(delivered), sum(failed),
         sum(expired), sum(clicked), sum(bot_clicks), sum(installed), sum(cost),
         coalesce(jsonb_object_agg(reason, failed) FILTER (WHERE reason IS NOT NULL), '{}'::jsonb), sum(latency_sum_s),
         ${LATENCY_COLUMNS.map((c) => `sum(${c})`).join(', ')}
    FROM s1
   GROUP BY day, campaign_id, channel, carrier, unit_id`;
