import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig, Clock, REDIS } from '@loa/core';
import { ClickEntry, clickStreamKey } from './click-stream';
import { LinkTarget } from './link-resolver.service';
import { ClickPlatform, UaClass } from './user-agent';

/** How long a redirect waits for Redis before giving up on recording that click (the person is redirected). */
const XADD_TIMEOUT_MS = 1000;

/**
 * Appends a click to the Redis stream (XADD) before the redirect is answered: once XADD returned, the click
 * survives this process dying; the worker's ClickWriter moves it into PostgreSQL in batches.
 * A dedicated connection with auto-pipelining: the XADDs of concurrent redirects issued in the same tick go out
 * in one write and come back in one read, instead of one round trip and two syscalls each. Unlike the shared
 * connection (which waits for Redis forever, right for jobs), it gives up after a second: a redirect must not
 * hang while Redis restarts.
 */
@Injectable()
export class ClickRecorderService implements OnApplicationShutdown {
  private readonly key: string;
  private readonly conn: Redis;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = clickStreamKey(cfg);
    this.conn = redis.duplicate({
      enableAutoPipelining: true,
      maxRetriesPerRequest: 1,
      commandTimeout: XADD_TIMEOUT_MS,
    });
  }

  onApplicationShutdown(): void {
    this.conn.disconnect();
  }

  async record(
    t: LinkTarget,
    platform: ClickPlatform,
    uaClass: UaClass,
    ua: string | undefined,
    ip: string | undefined,
  ) {
    const e: ClickEntry = {
      d: t.deliveryId,
      c: String(t.campaignId),
      r: t.runId,
      s: t.subscriberId,
      at: String(this.clock.nowMs()),
      p: platform,
      k: uaClass,
      ua: (ua ?? '').slice(0, 300),
      // Salted so the stored hash cannot be reversed by hashing all IPv4 addresses with a public salt.
      ip: ip ? createHash('sha256').update(`${this.cfg.redis.prefix}|${ip}`).digest('hex').slice(0, 16) : '',
    };
    await this.conn.xadd(
      this.key,
      '*',
      'd',
      e.d,
      'c',
      e.c,
      'r',
      e.r,
      's',
      e.s,
      'at',
      e.at,
      'p',
      e.p,
      'k',
      e.k,
      'ua',
      e.ua,
      'ip',
      e.ip,
    );
  }
}
