import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, REDIS } from '@loa/core';
import { markRunsDirty } from '@loa/stats';
import { CLICK_WRITERS, ClickEntry, clickStreamKey } from './click-stream';

type StreamBatch = [id: string, fields: string[]][];

/** Entries a crashed writer read but never acknowledged are taken over after this long. */
const CLAIM_IDLE_MS = 30_000;

/**
 * Moves clicks from the Redis stream into PostgreSQL in batches (consumer group, so several workers share the
 * work). Insert + derived columns commit in one transaction, then XACK: a crash between the two replays the batch,
 * and `clicks.stream_id` UNIQUE makes the replay a no-op. Nothing is acknowledged before it is in PostgreSQL.
 */
@Injectable()
export class ClickWriterService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ClickWriter');
  private readonly key: string;
  private readonly consumer = `${hostname()}-${process.pid}`;
  private conn?: Redis;
  private stopped = false;
  private loop?: Promise<void>;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {
    this.key = clickStreamKey(cfg);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.createGroup();
    this.conn = this.redis.duplicate(); // XREADGROUP BLOCK holds its connection
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.conn?.disconnect();
    await this.loop;
  }

  /** The consumer group, from the stream's start (idempotent: an existing group is kept). */
  private async createGroup(): Promise<void> {
    await this.redis.xgroup('CREATE', this.key, CLICK_WRITERS, '0', 'MKSTREAM').catch((e: Error) => {
      if (!/BUSYGROUP/.test(e.message)) throw e;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.drainOnce(1000);
      } catch (e) {
        if (this.stopped) return;
        // Redis restarted empty: the api's next XADD recreated the stream, but not our consumer group.
        if (/NOGROUP/.test((e as Error).message)) await this.createGroup().catch(() => undefined);
        this.log.error(`click batch failed (will retry): ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  /** Writes one batch (stale pending entries first, then new ones, waiting up to blockMs); returns its size. */
  async drainOnce(blockMs: number): Promise<number> {
    const n = this.cfg.tracking.clickBatchSize;
    const [, claimed] = (await this.conn!.xautoclaim(
      this.key,
      CLICK_WRITERS,
      this.consumer,
      CLAIM_IDLE_MS,
      '0-0',
      'COUNT',
      n,
    )) as [string, StreamBatch];
    let batch = claimed.filter(([, f]) => f);
    if (!batch.length) {
      const res = (await this.conn!.xreadgroup(
        'GROUP',
        CLICK_WRITERS,
        this.consumer,
        'COUNT',
        n,
        'BLOCK',
        blockMs,
        'STREAMS',
        this.key,
        '>',
      )) as [string, StreamBatch][] | null;
      batch = res?.[0]?.[1] ?? [];
    }
    if (!batch.length) return 0;
    await this.write(batch);
    await this.redis.xack(this.key, CLICK_WRITERS, ...batch.map(([id]) => id));
    // Acknowledged entries are no longer needed in the stream.
    await this.redis.xdel(this.key, ...batch.map(([id]) => id));
    return batch.length;
  }

  private async write(batch: StreamBatch): Promise<void> {
    const rows = batch.map(([id, f]) => {
      const e = Object.fromEntries(
        Array.from({ length: f.length / 2 }, (_, i) => [f[2 * i], f[2 * i + 1]]),
      ) as unknown as ClickEntry;
      return { id, ...e };
    });
    await this.ds.transaction(async (m) => {
      const runs: { run_id: string }[] = await m.query(
        `WITH v AS (
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[],
                                $7::text[], $8::text[], $9::text[], $10::text[])
                    AS v(stream_id, delivery_id, campaign_id, run_id, subscriber_id, at_ms, platform, ua_class, ua, ip)
         ), ins AS (
           INSERT INTO clicks (stream_id, delivery_id, campaign_id, run_id, subscriber_id, at, platform, ua_class,
                               user_agent, ip_hash)
           SELECT stream_id, delivery_id, campaign_id, run_id, subscriber_id, to_timestamp(at_ms / 1000.0), platform,
                  ua_class, nullif(ua, ''), nullif(ip, '')
             FROM v
           ON CONFLICT (stream_id) DO NOTHING
           RETURNING delivery_id, subscriber_id, run_id, at, ua_class
         ), h AS (
           SELECT delivery_id, subscriber_id, min(at) AS first_at, max(at) AS last_at FROM ins
            WHERE ua_class = 'human' GROUP BY delivery_id, subscriber_id
         ), d AS (
           UPDATE deliveries d SET first_clicked_at = h.first_at FROM h
            WHERE d.id = h.delivery_id AND (d.first_clicked_at IS NULL OR d.first_clicked_at > h.first_at)
           RETURNING d.id
         ), s AS (
           UPDATE subscribers s SET last_clicked_at = x.last_at
             FROM (SELECT subscriber_id, max(last_at) AS last_at FROM h GROUP BY subscriber_id) x
            WHERE s.id = x.subscriber_id AND (s.last_clicked_at IS NULL OR s.last_clicked_at < x.last_at)
           RETURNING s.id
         )
         SELECT DISTINCT run_id FROM ins`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.d),
          rows.map((r) => r.c),
          rows.map((r) => r.r),
          rows.map((r) => r.s),
          rows.map((r) => r.at),
          rows.map((r) => r.p),
          rows.map((r) => r.k),
          rows.map((r) => r.ua),
          rows.map((r) => r.ip),
        ],
      );
      await markRunsDirty(
        m,
        runs.map((r) => r.run_id),
        this.clock.now(),
      );
    });
  }
}
