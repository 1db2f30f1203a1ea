import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig, REDIS, redisKey } from '@loa/core';
import { Principal } from '../principal';

/** How long a verified key or session is trusted without asking PostgreSQL again (on this process). */
const TRUST_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Verified credentials (an API key or a session id → its principal), kept a few seconds per process so that a
 * request does not cost a database round trip. Revoking a key or ending a session empties the cache of **every**
 * api process at once: the change is published on Redis and each process listens. A process that is not (or not
 * yet, or no longer) listening caches nothing, so it can never miss a revocation; it asks PostgreSQL every time.
 */
@Injectable()
export class CredentialCache implements OnApplicationShutdown {
  private readonly log = new Logger('Credentials');
  private readonly entries = new Map<string, { principal: Principal | null; until: number }>();
  private subscriber?: Redis;
  private hearing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Whether this process hears revocations now (and so caches); it starts listening at its first verification. */
  get listening(): boolean {
    return this.hearing;
  }

  private get channel(): string {
    return redisKey(this.cfg, 'credentials-revoked');
  }

  /** The principal of `credential`, from the cache or from `load` (cached at most `TRUST_MS`, or until `maxUntil`). */
  async get(credential: string, load: () => Promise<{ principal: Principal | null; maxUntil?: number }>) {
    this.listen();
    const hit = this.entries.get(credential);
    if (hit && hit.until > Date.now()) return hit.principal;
    const { principal, maxUntil } = await load();
    if (this.listening) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(credential, { principal, until: Math.min(Date.now() + TRUST_MS, maxUntil ?? Infinity) });
    }
    return principal;
  }

  /** A key was revoked or a session ended: forget every cached credential, here and on every other process. */
  async forgetEverywhere(): Promise<void> {
    this.entries.clear();
    // Unreachable Redis: the other processes cannot be told, but neither are they caching (they cannot listen).
    await this.redis.publish(this.channel, 'revoked').catch(() => 0);
  }

  private listen(): void {
    if (this.subscriber) return;
    const sub = (this.subscriber = this.redis.duplicate());
    const stop = () => {
      this.hearing = false;
      this.entries.clear();
    };
    sub.on('message', () => this.entries.clear());
    sub.on('error', (e) => this.log.warn(`revocation channel: ${e.message}; verifying every request meanwhile`));
    sub.on('close', stop);
    sub.on('end', stop);
    let subscribed = false;
    // ioredis re-subscribes on reconnecting (before 'ready'); what was published meanwhile is unknown, so start afresh.
    sub.on('ready', () => {
      this.entries.clear();
      this.hearing = subscribed;
    });
    sub.subscribe(this.channel).then(
      () => (this.hearing = subscribed = true),
      () => undefined,
    );
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}
