/**
 * Retry delay after `attempt` failed attempts (1-based): exponential from `baseMs`, capped, with "full jitter"
 * between half and all of it, so a burst of failures does not come back as a burst. `random` is injectable for tests.
 */
export function retryDelayMs(
  attempt: number,
  opts: { baseMs?: number; maxMs?: number; afterMs?: number } = {},
  random: () => number = Math.random,
): number {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 5 * 60_000;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exp / 2 + random() * (exp / 2));
  // The gateway's own "retry after" is a floor, never shortened by jitter.
  return Math.max(jittered, opts.afterMs ?? 0);
}

/** How long the limiter holds a gateway back after it answered "throttled": its own hint, else one second. */
export function throttleBackoffMs(afterMs?: number): number {
  return Math.min(30_000, Math.max(afterMs ?? 0, 1000));
}
