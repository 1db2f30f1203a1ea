import { SendOutcome } from '@loa/channels';
import { AppConfig } from '@loa/core';
import { Admission } from './routing';

/**
 * Circuit breaker policy per gateway (docs/dispatch.md, "Failover"). Pure: the Redis scripts in
 * breaker/breaker.store.ts only count and compare-and-set; every decision is taken here.
 *
 *   closed ──(≥ minFailures transport failures and ≥ failurePercent of attempts in windowMs)──► open
 *   open ──(coolDownMs passed; the next send that asks)──► half-open: at most halfOpenProbes probe sends in flight
 *   half-open ──probe answered──► closed        half-open ──probe failed──► open (cool-down again)
 */
export type BreakerSettings = AppConfig['dispatch']['breaker'];

export type BreakerStateName = 'closed' | 'open' | 'half-open';

export interface BreakerState {
  state: BreakerStateName;
  /** Incremented by every transition: compare-and-set token, so that concurrent outcomes change the state once. */
  gen: number;
  /** When the state began (Redis time, ms); 0 for a gateway that never left `closed`. */
  sinceMs: number;
  /** `open`: when the cool-down ends and probing may begin. */
  untilMs: number | null;
}

export const CLOSED: BreakerState = { state: 'closed', gen: 0, sinceMs: 0, untilMs: null };

/** What one send tells about the gateway: its transport failed, it answered, or nothing (our own fault). */
export type BreakerSignal = 'failure' | 'success' | 'none';

const TRANSPORT_CODES = new Set(['timeout', 'network', 'unreadable', 'http-408']);

/**
 * Transport-level failures count against the gateway: timeouts, refused/reset connections, HTTP 5xx/408 and
 * answers that are not its protocol (a proxy's error page). Any protocol answer — accepted, rejected, throttled,
 * a "busy" code — shows it is up. An exception in our adapter or a send we aborted says nothing about it.
 */
export function breakerSignal(o: SendOutcome): BreakerSignal {
  if (o.kind !== 'retry') return 'success';
  if (o.throttled) return 'success';
  if (o.code === 'EXCEPTION' || o.code === 'aborted') return 'none';
  if (TRANSPORT_CODES.has(o.code) || /^http-5\d\d$/.test(o.code)) return 'failure';
  return 'success';
}

/** Counts of the sliding window (attempts include the failures; sends with signal `none` are not counted). */
export interface BreakerWindow {
  attempts: number;
  failures: number;
}

/** A closed breaker opens when the window holds enough failures, and they are a large enough share of attempts. */
export function shouldOpen(w: BreakerWindow, s: Pick<BreakerSettings, 'minFailures' | 'failurePercent'>): boolean {
  return w.failures >= s.minFailures && w.failures * 100 >= s.failurePercent * w.attempts;
}

/**
 * Whether the gateway takes a send now: closed → yes; open and cooling down → no; cool-down over, or half-open →
 * only as a probe (the store hands out at most `halfOpenProbes` at a time). A disabled breaker always says yes.
 */
export function admission(st: BreakerState, nowMs: number, s: Pick<BreakerSettings, 'enabled'>): Admission {
  if (!s.enabled || st.state === 'closed') return 'yes';
  if (st.state === 'open' && (st.untilMs ?? 0) > nowMs) return 'no';
  return 'probe';
}

/** Where a probe's outcome takes a half-open breaker: answered → closed, failed → open again, none → unchanged. */
export function afterProbe(signal: BreakerSignal): 'closed' | 'open' | null {
  return signal === 'success' ? 'closed' : signal === 'failure' ? 'open' : null;
}

/** Buckets of the sliding window: ten per window, so the window slides in tenths. */
export const bucketMs = (s: Pick<BreakerSettings, 'windowMs'>): number => Math.max(100, Math.floor(s.windowMs / 10));

/** Gauge value of a state (`loa_gateway_breaker_state`). */
export const STATE_VALUE: Record<BreakerStateName, number> = { closed: 0, 'half-open': 1, open: 2 };
