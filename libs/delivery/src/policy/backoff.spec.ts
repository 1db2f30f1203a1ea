import { retryDelayMs, throttleBackoffMs } from './backoff';

describe('retryDelayMs', () => {
  it.each([
    // attempt, random, expected (base 1000: exp = 1000·2^(n-1), result = exp/2 + r·exp/2)
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0.5, 1500],
    [3, 0, 2000],
    [20, 1, 300_000], // capped at 5 min
  ])('attempt %i with random %f → %i ms', (attempt, r, expected) => {
    expect(retryDelayMs(attempt, {}, () => r)).toBe(expected);
  });

  it('never goes below the gateway’s own retry-after', () => {
    expect(retryDelayMs(1, { afterMs: 7000 }, () => 0)).toBe(7000);
  });

  it('spreads a burst of failures (jitter)', () => {
    const values = new Set(Array.from({ length: 50 }, () => retryDelayMs(4)));
    expect(values.size).toBeGreaterThan(10);
    for (const v of values) expect(v).toBeGreaterThanOrEqual(4000);
  });
});

describe('throttleBackoffMs', () => {
  it.each([
    [undefined, 1000],
    [200, 1000],
    [2500, 2500],
    [120_000, 30_000],
  ])('hint %p → %i ms', (hint, expected) => expect(throttleBackoffMs(hint)).toBe(expected));
});
