import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { performance } from 'node:perf_hooks';
import { APP_CONFIG, AppConfig, GatewayConfig, REDIS } from '@loa/core';
import { limiterKeys, limiterWindowMs } from '../limiter/gateway-keys';
import { GatewaySettingsService } from '../limiter/gateway-settings.service';
import { Grant, LimiterKeys, SlidingWindowLimiter } from '../limiter/sliding-window.limiter';
import { DeliveryMetrics } from '../metrics/delivery.metrics';
import { throttleBackoffMs } from '../policy/backoff';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A reserved grant is verified this long before its instant (one Redis round trip, well before the send). */
const VERIFY_LEAD_MS = 15;
/** New grants taken for one send (late wake, revoked grant) before it is re-queued instead. */
const MAX_TRIES = 5;

/** The send may go now (it is at its granted instant), or not: re-queue it `waitMs` from now. */
export type Slot = { ok: true } | { ok: false; waitMs: number; reason: string };

/**
 * A send's turn at its gateway: a grant of the strict sliding-window limiter shared through Redis, waited for on the
 * local clock, verified shortly before its instant when it was reserved ahead (a rate lowered meanwhile, a Redis
 * restarted empty), and given back when the sender woke too late to use it (docs/dispatch.md, "Throughput").
 */
@Injectable()
export class SendSlots {
  private readonly limiter: SlidingWindowLimiter;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @Inject(REDIS) redis: Redis,
    private readonly settings: GatewaySettingsService,
    private readonly metrics: DeliveryMetrics,
  ) {
    this.limiter = new SlidingWindowLimiter(redis, {
      windowMs: limiterWindowMs(cfg),
      maxWaitMs: cfg.dispatch.maxLimiterWaitMs,
    });
  }

  /** Resolves at the send's granted instant (ok), or says how long to re-queue it for. */
  async take(gw: GatewayConfig): Promise<Slot> {
    const keys = limiterKeys(this.cfg, gw.id);
    let slot = await this.acquire(keys, gw.id);
    if (!slot.grant.granted)
      return { ok: false, waitMs: slot.grant.waitMs, reason: 'no send slot within maxLimiterWaitMs' };
    // Send at the granted instant, never much later: a late sender would compress the gateway's window.
    for (let tries = 0; ; tries++) {
      let wait = slot.at - performance.now();
      if (wait > VERIFY_LEAD_MS * 2) {
        await sleep(wait - VERIFY_LEAD_MS);
        if (!(await this.limiter.verify(keys, this.settings.rate(gw.id), slot.grant))) {
          this.metrics.revokedGrants.inc({ gateway: gw.id });
          slot = await this.acquire(keys, gw.id, { ...slot.grant, granted: false });
          if (!slot.grant.granted || tries >= MAX_TRIES) return this.noSlot(slot.grant);
          continue;
        }
        wait = slot.at - performance.now();
      }
      if (wait > 0) await sleep(wait);
      const late = performance.now() - slot.at;
      this.metrics.lateness.observe({ gateway: gw.id }, Math.max(0, late) / 1000);
      if (late <= this.cfg.dispatch.lateToleranceMs) return { ok: true };
      this.metrics.lateGrants.inc({ gateway: gw.id });
      slot = await this.acquire(keys, gw.id, slot.grant);
      if (!slot.grant.granted || tries >= MAX_TRIES) return this.noSlot(slot.grant);
    }
  }

  /** The gateway said "throttled": every process holds its grants back (Retry-After, else a short backoff). */
  async throttled(gw: GatewayConfig, afterMs?: number): Promise<void> {
    this.metrics.throttled.inc({ gateway: gw.id });
    await this.limiter.backoff(limiterKeys(this.cfg, gw.id), throttleBackoffMs(afterMs));
  }

  private noSlot(grant: Grant): Slot {
    return { ok: false, waitMs: grant.waitMs, reason: 'no send slot in time' };
  }

  /**
   * A limiter grant on the local clock (performance.now() terms): its Redis instant minus the Redis–local clock
   * offset, kept inside the causal bracket [request sent + wait, answer read + wait] (an offset estimate off by more
   * than a round trip must not move it). The sender sends at that instant and measures lateness from it, so an
   * event-loop stall between Redis granting and us reading the answer counts too: such a slot is given back rather
   * than sent into the next grant's second. (Sending only at "answer read + wait", never possibly early, added the
   * answer's delay to every arrival: on the loaded test machine that alone pushed arrivals past the margin.)
   */
  private async acquire(keys: LimiterKeys, gatewayId: string, unused?: Grant) {
    const rate = this.settings.rate(gatewayId);
    const asked = performance.now();
    const grant = unused ? await this.limiter.reacquire(keys, rate, unused) : await this.limiter.acquire(keys, rate);
    const answered = performance.now();
    const offset = await this.limiter.clockOffsetMs();
    const estimate = grant.atUs / 1000 - offset - performance.timeOrigin;
    const at = Math.min(Math.max(estimate, asked + grant.waitMs), answered + grant.waitMs);
    return { grant, at };
  }
}
