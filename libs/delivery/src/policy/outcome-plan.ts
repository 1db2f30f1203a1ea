import { SendOutcome } from '@loa/channels';
import { retryDelayMs } from './backoff';
import { msUntilVnMorning } from './quiet-hours';

export interface OutcomeContext {
  /** Attempts made on this channel so far, including the one that produced the outcome. */
  attempts: number;
  maxAttempts: number;
  nowMs: number;
  expiresAtMs: number;
  /** The campaign has a channel after this one (Zalo → SMS). */
  hasNextChannel: boolean;
  /** On a quota pause, move to the next channel instead of waiting for the quota to reset. */
  fallbackOnQuotaPause: boolean;
  /**
   * The send was a probe of a gateway whose breaker is not closed: a failure to get through is the gateway's (still
   * down), not the person's, so it does not count towards `maxAttempts` (only the run's validity bounds it).
   */
  probe?: boolean;
}

/** What the dispatcher does with one send's outcome. Delays are clock milliseconds from now. */
export type OutcomePlan =
  | { do: 'sent'; providerMessageId: string | null }
  | { do: 'fail'; code: string; text: string }
  | { do: 'expire'; code: string; text: string }
  | {
      do: 'retry';
      delayMs: number;
      code: string;
      text: string;
      throttled: boolean;
      refreshToken: boolean;
      /** The attempt is given back (a failed probe): it is not one of the person's `maxAttempts`. */
      refund: boolean;
    }
  | { do: 'nextChannel'; code: string; text: string; breakChannel: boolean }
  | { do: 'pause'; untilMs: number; reason: 'quota' | 'night'; code: string; text: string; thenNext: boolean }
  /** The gateway refused our own request: stop that gateway for the campaign, keep the delivery for an operator. */
  | { do: 'hold'; code: string; text: string };

const DAY_MS = 24 * 3600_000;

/** The next midnight in Vietnam: when Zalo's daily quota resets, if the gateway did not say. */
function nextVnMidnight(nowMs: number): number {
  const local = nowMs + 7 * 3600_000;
  return Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - 7 * 3600_000;
}

/** Pure decision table for an outcome (unit-tested); the processor carries it out in one transaction. */
export function planOutcome(o: SendOutcome, c: OutcomeContext, random: () => number = Math.random): OutcomePlan {
  const retryOrGiveUp = (delayMs: number, code: string, text: string, throttled: boolean, refresh: boolean) => {
    const refund = !!c.probe;
    if (!refund && c.attempts >= c.maxAttempts)
      return { do: 'fail' as const, code, text: `${text} (after ${c.attempts} attempts)` };
    if (c.nowMs + delayMs >= c.expiresAtMs) return { do: 'expire' as const, code, text };
    return { do: 'retry' as const, delayMs, code, text, throttled, refreshToken: refresh, refund };
  };
  switch (o.kind) {
    case 'accepted':
      return { do: 'sent', providerMessageId: o.providerMessageId ?? null };
    case 'rejected':
      return { do: 'fail', code: o.code, text: o.text };
    case 'retry':
      return retryOrGiveUp(
        retryDelayMs(c.attempts, { afterMs: o.afterMs, baseMs: o.throttled ? 250 : 1000 }, random),
        o.code,
        o.text,
        !!o.throttled,
        false,
      );
    case 'token':
      return retryOrGiveUp(0, o.code, o.text, false, true);
    case 'fallback':
      return c.hasNextChannel
        ? { do: 'nextChannel', code: o.code, text: o.text, breakChannel: false }
        : { do: 'fail', code: o.code, text: o.text };
    case 'channelBroken':
      return c.hasNextChannel
        ? { do: 'nextChannel', code: o.code, text: o.text, breakChannel: true }
        : { do: 'fail', code: o.code, text: o.text };
    case 'refused':
      return { do: 'hold', code: o.code, text: o.text };
    case 'pause': {
      const until =
        o.untilMs && o.untilMs > c.nowMs
          ? o.untilMs
          : o.reason === 'night'
            ? c.nowMs + Math.max(60_000, msUntilVnMorning(c.nowMs))
            : nextVnMidnight(c.nowMs);
      const thenNext = o.reason === 'quota' && c.fallbackOnQuotaPause && c.hasNextChannel;
      if (!thenNext && until >= c.expiresAtMs) return { do: 'expire', code: o.code, text: o.text };
      return { do: 'pause', untilMs: until, reason: o.reason, code: o.code, text: o.text, thenNext };
    }
  }
}
