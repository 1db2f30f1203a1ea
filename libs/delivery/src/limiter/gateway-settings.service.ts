import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, REDIS, redisKey } from '@loa/core';
import { limiterKeys } from './gateway-keys';

export interface GatewayLiveState {
  id: string;
  channel: 'sms' | 'zns';
  ratePerSecond: number;
  configuredRate: number;
  pausedUntil: Date | null;
  pauseReason: string | null;
}

/**
 * Live per-gateway settings (`gateway_settings`): the rate and pauses change without a restart. Every process
 * re-reads them once a second; the rate is also mirrored to Redis, where the limiter script reads it, so all
 * processes switch together the moment the api writes it.
 */
@Injectable()
export class GatewaySettingsService implements OnApplicationShutdown {
  private readonly log = new Logger('GatewaySettings');
  private state = new Map<string, GatewayLiveState>();
  private timer?: NodeJS.Timeout;
  private loaded?: Promise<void>;
  private subscriber?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly ds: DataSource,
  ) {}

  /** Published on every change (rate, pause, unpause), so every process reloads at once, not at its next tick. */
  private get channel(): string {
    return redisKey(this.cfg, 'gateway-settings');
  }

  /** Starts the once-a-second refresh, and an immediate one on every published change (the worker). */
  startRefreshing(onChange?: (s: GatewayLiveState) => void): Promise<void> {
    const reload = () => this.refresh(onChange).catch((e) => this.log.warn(`refresh failed: ${(e as Error).message}`));
    this.timer ??= setInterval(reload, 1000);
    this.timer.unref();
    if (!this.subscriber) {
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('message', () => void reload());
      this.subscriber.on('error', (e) => this.log.warn(`settings subscription: ${e.message}`));
      void this.subscriber.subscribe(this.channel).catch(() => undefined);
    }
    return this.ensureLoaded();
  }

  private async announce(id: string): Promise<void> {
    await this.redis.publish(this.channel, id).catch(() => 0);
  }

  ensureLoaded(): Promise<void> {
    return (this.loaded ??= this.refresh());
  }

  async refresh(onChange?: (s: GatewayLiveState) => void): Promise<void> {
    const rows: {
      gateway_id: string;
      rate_per_second: number | null;
      paused_until: Date | null;
      pause_reason: string | null;
    }[] = await this.ds.query(`SELECT gateway_id, rate_per_second, paused_until, pause_reason FROM gateway_settings`);
    const byId = new Map(rows.map((r) => [r.gateway_id, r]));
    const next = new Map<string, GatewayLiveState>();
    for (const gw of this.cfg.gateways) {
      const r = byId.get(gw.id);
      const s: GatewayLiveState = {
        id: gw.id,
        channel: gw.channel,
        configuredRate: gw.ratePerSecond,
        ratePerSecond: r?.rate_per_second ?? gw.ratePerSecond,
        pausedUntil: r?.paused_until ?? null,
        pauseReason: r?.pause_reason ?? null,
      };
      const prev = this.state.get(gw.id);
      if (onChange && prev && prev.ratePerSecond !== s.ratePerSecond) onChange(s);
      next.set(gw.id, s);
    }
    this.state = next;
  }

  get(id: string): GatewayLiveState | undefined {
    return this.state.get(id);
  }

  all(): GatewayLiveState[] {
    return [...this.state.values()];
  }

  rate(id: string): number {
    return this.state.get(id)?.ratePerSecond ?? this.cfg.gateways.find((g) => g.id === id)?.ratePerSecond ?? 1;
  }

  /** Changes a gateway's rate: stored (with the caller's audit entry, one transaction), then mirrored to Redis. */
  async setRate(id: string, rate: number, audit: (m: EntityManager) => Promise<void>): Promise<GatewayLiveState> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO gateway_settings (gateway_id, rate_per_second, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (gateway_id) DO UPDATE SET rate_per_second = EXCLUDED.rate_per_second, updated_at = now()`,
        [id, rate],
      );
      await audit(m);
    });
    await this.redis.set(limiterKeys(this.cfg, id).rate, String(rate));
    await this.announce(id);
    await this.refresh();
    return this.get(id)!;
  }

  /** Pauses a gateway until `until` (extends, never shortens, a pause in force). */
  async pause(id: string, until: Date, reason: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO gateway_settings (gateway_id, paused_until, pause_reason, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (gateway_id) DO UPDATE
         SET paused_until = GREATEST(gateway_settings.paused_until, EXCLUDED.paused_until),
             pause_reason = EXCLUDED.pause_reason, updated_at = now()`,
      [id, until, reason],
    );
    const s = this.state.get(id);
    if (s && (!s.pausedUntil || s.pausedUntil < until))
      this.state.set(id, { ...s, pausedUntil: until, pauseReason: reason });
    await this.announce(id);
  }

  /** Lifts a pause in force at once (an operator's decision, audited by the caller in the same transaction). */
  async unpause(id: string, audit: (m: EntityManager) => Promise<void>): Promise<GatewayLiveState> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE gateway_settings SET paused_until = NULL, pause_reason = NULL, updated_at = now() WHERE gateway_id = $1`,
        [id],
      );
      await audit(m);
    });
    await this.announce(id);
    await this.refresh();
    return this.get(id)!;
  }

  /** A change committed elsewhere (a credentials pause lifted with a new token): every process reloads at once. */
  async changed(id: string): Promise<void> {
    await this.announce(id);
    await this.refresh();
  }

  /** Writes every gateway's stored rate to Redis (worker start), so the limiter has it even after a Redis flush. */
  async mirrorRatesToRedis(): Promise<void> {
    await this.ensureLoaded();
    const p = this.redis.pipeline();
    for (const s of this.state.values()) p.set(limiterKeys(this.cfg, s.id).rate, String(s.ratePerSecond));
    await p.exec();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscriber?.disconnect();
  }
}
