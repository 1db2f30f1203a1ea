import { AppConfig, redisKey } from '@loa/core';
import { LimiterKeys } from './sliding-window.limiter';

/** Redis keys of one gateway's limiter: grants, live rate (written by the api), throttle backoff. */
export const limiterKeys = (cfg: AppConfig, gatewayId: string): LimiterKeys => ({
  grants: redisKey(cfg, 'gw', gatewayId, 'grants'),
  rate: redisKey(cfg, 'gw', gatewayId, 'rate'),
  backoff: redisKey(cfg, 'gw', gatewayId, 'backoff'),
});

/** Counted window: one second plus the jitter margin (see docs/dispatch.md). */
export const limiterWindowMs = (cfg: AppConfig): number => 1000 + cfg.dispatch.windowMarginMs;

/** Redis keys of one gateway's circuit breaker: its state, the sliding window's counters, probes in flight. */
export interface BreakerKeys {
  state: string;
  window: string;
  probes: string;
}

export const breakerKeys = (cfg: AppConfig, gatewayId: string): BreakerKeys => ({
  state: redisKey(cfg, 'gw', gatewayId, 'breaker'),
  window: redisKey(cfg, 'gw', gatewayId, 'breaker-window'),
  probes: redisKey(cfg, 'gw', gatewayId, 'breaker-probes'),
});
