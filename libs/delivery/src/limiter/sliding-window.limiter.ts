import { Redis } from 'ioredis';
import { performance } from 'node:perf_hooks';
import { REACQUIRE_LUA, SLIDING_WINDOW_LUA, VERIFY_LUA } from './sliding-window.lua';

export interface LimiterOptions {
  /** Counted window, ms: 1000 + a safety margin for jitter between our grant and the gateway's arrival. */
  windowMs: number;
  /** Longest wait accepted for a grant; beyond it nothing is recorded and the caller re-queues. */
  maxWaitMs: number;
  /** Slack kept around a refilled hole (reacquire); default windowMs − 1000 (the jitter margin). */
  refillSlackMs?: number;
}

/** `atUs`: the granted instant on Redis's clock (µs); `member`: the grant's id in the set (to give it back). */
export interface Grant {
  granted: boolean;
  waitMs: number;
  atUs: number;
  member: string;
}

type LimiterScripts = {
  loaSlidingWindow: (...a: (string | number)[]) => Promise<[number, number, number]>;
  loaReacquire: (...a: (string | number)[]) => Promise<[number, number, number]>;
  loaVerifyGrant: (...a: (string | number)[]) => Promise<number>;
};

export interface LimiterKeys {
  grants: string;
  rate: string;
  backoff: string;
}

let seq = 0;
/** Local wall clock, ms since the epoch, at performance.now() resolution (monotonic between resyncs). */
export const localEpochMs = (): number => performance.timeOrigin + performance.now();
const CLOCK_SYNC_MS = 5000;

const processTag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

/** Strict sliding-window limiter shared by every process through Redis (see sliding-window.lua.ts). */
export class SlidingWindowLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly opts: LimiterOptions,
  ) {
    if (!(redis as unknown as { loaSlidingWindow?: unknown }).loaSlidingWindow) {
      redis.defineCommand('loaSlidingWindow', { numberOfKeys: 3, lua: SLIDING_WINDOW_LUA });
    }
    if (!(redis as unknown as { loaReacquire?: unknown }).loaReacquire) {
      redis.defineCommand('loaReacquire', { numberOfKeys: 3, lua: REACQUIRE_LUA });
    }
    if (!(redis as unknown as { loaVerifyGrant?: unknown }).loaVerifyGrant) {
      redis.defineCommand('loaVerifyGrant', { numberOfKeys: 2, lua: VERIFY_LUA });
    }
  }

  private offset?: { ms: number; at: number };
  private syncing?: Promise<number>;

  /**
   * Redis's clock minus the local one (ms), so a grant's Redis instant can be placed on the local clock. From the
   * fastest of a few TIME round trips (error ≤ half that round trip; ~0 when Redis is on the same machine),
   * refreshed in the background every few seconds.
   */
  async clockOffsetMs(): Promise<number> {
    const now = performance.now();
    if (this.offset && now - this.offset.at < CLOCK_SYNC_MS) return this.offset.ms;
    this.syncing ??= this.syncClock().finally(() => (this.syncing = undefined));
    return this.offset ? this.offset.ms : this.syncing;
  }

  private async syncClock(): Promise<number> {
    let best = { rtt: Infinity, ms: 0 };
    for (let i = 0; i < 3; i++) {
      const t0 = localEpochMs();
      const [sec, usec] = await this.redis.time();
      const t1 = localEpochMs();
      const redisMs = Number(sec) * 1000 + Number(usec) / 1000;
      if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, ms: redisMs - (t0 + t1) / 2 };
    }
    this.offset = { ms: best.ms, at: performance.now() };
    return best.ms;
  }

  /** Reserves the next slot; the caller must send at (now + waitMs) — not earlier, and not much later. */
  async acquire(keys: LimiterKeys, fallbackRate: number): Promise<Grant> {
    const member = `${processTag}-${++seq}`;
    const [ok, waitUs, atUs] = await (this.redis as unknown as LimiterScripts).loaSlidingWindow(
      keys.grants,
      keys.rate,
      keys.backoff,
      Math.max(1, Math.floor(fallbackRate)),
      this.opts.windowMs * 1000,
      this.opts.maxWaitMs * 1000,
      member,
    );
    return { granted: ok === 1, waitMs: Number(waitUs) / 1000, atUs: Number(atUs), member };
  }

  /**
   * Gives an unused grant back (the caller must not have sent for it) and takes the earliest slot the windows allow,
   * filling holes that grants given back left (see REACQUIRE_LUA).
   */
  async reacquire(keys: LimiterKeys, fallbackRate: number, unused: Grant): Promise<Grant> {
    const member = `${processTag}-${++seq}`;
    const [ok, waitUs, atUs] = await (this.redis as unknown as LimiterScripts).loaReacquire(
      keys.grants,
      keys.rate,
      keys.backoff,
      Math.max(1, Math.floor(fallbackRate)),
      this.opts.windowMs * 1000,
      this.opts.maxWaitMs * 1000,
      unused.granted ? unused.member : '',
      member,
      (this.opts.refillSlackMs ?? Math.max(0, this.opts.windowMs - 1000)) * 1000,
    );
    return { granted: ok === 1, waitMs: Number(waitUs) / 1000, atUs: Number(atUs), member };
  }

  /**
   * Whether a reserved grant still holds (see VERIFY_LUA): false after the rate was lowered past it or Redis lost
   * it; it is then removed, and the caller takes a new one instead of sending.
   */
  async verify(keys: LimiterKeys, fallbackRate: number, grant: Grant): Promise<boolean> {
    const ok = await (this.redis as unknown as LimiterScripts).loaVerifyGrant(
      keys.grants,
      keys.rate,
      Math.max(1, Math.floor(fallbackRate)),
      this.opts.windowMs * 1000,
      grant.member,
    );
    return ok === 1;
  }

  /** Holds every grant back for `ms` (a gateway said "throttled"); extends, never shortens, a running backoff. */
  async backoff(keys: LimiterKeys, ms: number): Promise<void> {
    const t = await this.redis.time();
    const until = Number(t[0]) * 1_000_000 + Number(t[1]) + ms * 1000;
    const cur = Number((await this.redis.get(keys.backoff)) ?? 0);
    if (until > cur) await this.redis.set(keys.backoff, String(until), 'PX', ms + 1000);
  }
}
