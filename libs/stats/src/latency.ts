/** Upper bounds (seconds) of the delivery-latency buckets, as in the Tracking migration; the last bucket is open. */
export const LATENCY_BUCKETS_S = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600, 21600] as const;
export const LATENCY_COLUMNS = [...LATENCY_BUCKETS_S, Infinity].map((_, i) => `lat_b${i}`);

/** SQL FILTER conditions on an expression `lat` (seconds) for each bucket, in column order. */
export function latencyBucketFilters(lat: string): string[] {
  return [...LATENCY_BUCKETS_S, Infinity].map((upper, i) => {
    const lower = i === 0 ? null : LATENCY_BUCKETS_S[i - 1];
    const lo = lower === null ? `${lat} >= 0` : `${lat} > ${lower}`;
    return upper === Infinity ? lo : `${lo} AND ${lat} <= ${upper}`;
  });
}

/**
 * Percentile from bucket counts, interpolating linearly inside the bucket (so the error is at most one bucket's
 * width); null without data. The open last bucket reports its lower bound.
 */
export function percentileFromBuckets(counts: number[], p: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (!total) return null;
  const target = p * total;
  let cum = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] && cum + counts[i] >= target) {
      const lower = i === 0 ? 0 : LATENCY_BUCKETS_S[i - 1];
      if (i >= LATENCY_BUCKETS_S.length) return lower;
      const upper = LATENCY_BUCKETS_S[i];
      return Math.round((lower + ((upper - lower) * (target - cum)) / counts[i]) * 10) / 10;
    }
    cum += counts[i];
  }
  return null;
}
