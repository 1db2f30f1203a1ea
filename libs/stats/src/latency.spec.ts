import { LATENCY_BUCKETS_S as MIGRATION_BUCKETS } from '../../core/src/database/migrations/1764000600000-Tracking';
import { LATENCY_BUCKETS_S, LATENCY_COLUMNS, latencyBucketFilters, percentileFromBuckets } from './latency';

describe('latency buckets', () => {
  it('match the migration', () => {
    expect(LATENCY_BUCKETS_S).toEqual(MIGRATION_BUCKETS);
    expect(LATENCY_COLUMNS).toHaveLength(MIGRATION_BUCKETS.length + 1);
  });

  it('build contiguous filters', () => {
    const f = latencyBucketFilters('x');
    expect(f[0]).toBe('x >= 0 AND x <= 1');
    expect(f[1]).toBe('x > 1 AND x <= 2');
    expect(f[f.length - 1]).toBe('x > 21600');
  });

  const zeros = () => LATENCY_COLUMNS.map(() => 0);
  it.each([
    ['empty', zeros(), 0.5, null],
    ['all in first bucket', Object.assign(zeros(), { 0: 10 }), 0.5, 0.5],
    ['all in 2–5 s', Object.assign(zeros(), { 2: 4 }), 0.5, 3.5],
    ['split 1 s / 60 s', Object.assign(zeros(), { 0: 50, 6: 50 }), 0.95, 57],
    ['open last bucket', Object.assign(zeros(), { 13: 3 }), 0.5, 21600],
  ])('%s', (_name, counts, p, expected) => {
    expect(percentileFromBuckets(counts as number[], p as number)).toBe(expected);
  });
});
