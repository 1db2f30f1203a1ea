import { cronProblems, firstFireFrom, nextFireAfter, parseHhmm, planFires, ScheduleSpec } from './schedule';

const at = (iso: string) => new Date(iso);
const cron = (expr: string, extra: Partial<ScheduleSpec> = {}): ScheduleSpec => ({
  scheduleCron: expr,
  runAt: null,
  startsAt: null,
  endsAt: null,
  ...extra,
});

describe('cronProblems', () => {
  it.each([
    ['0 8 * * *', 0],
    ['*/15 7-21 * * 1-5', 0],
    ['0 0 8 * * *', 1], // 6 fields (seconds) are refused
    ['0 8 * *', 1],
    ['61 8 * * *', 1],
    ['0 25 * * *', 1],
    ['hello', 1],
  ])('%s → %i problem(s)', (expr, n) => {
    expect(cronProblems(expr)).toHaveLength(n);
  });
});

describe('parseHhmm', () => {
  it.each([
    ['07:00', 420],
    ['22:00', 1320],
    ['00:00', 0],
    ['24:00', 1440],
    ['24:01', null],
    ['7:00', null],
    ['12:60', null],
  ])('%s → %s', (s, m) => expect(parseHhmm(s)).toBe(m));
});

describe('nextFireAfter', () => {
  it('reads cron in Asia/Ho_Chi_Minh', () => {
    // 08:00 in Vietnam is 01:00 UTC.
    expect(nextFireAfter(cron('0 8 * * *'), at('2025-03-01T00:00:00Z'))).toEqual(at('2025-03-01T01:00:00Z'));
  });
  it('respects startsAt and endsAt', () => {
    const s = cron('0 8 * * *', { startsAt: at('2025-03-05T00:00:00Z'), endsAt: at('2025-03-06T00:00:00Z') });
    expect(nextFireAfter(s, at('2025-03-01T00:00:00Z'))).toEqual(at('2025-03-05T01:00:00Z'));
    expect(nextFireAfter(s, at('2025-03-05T01:00:00Z'))).toBeNull();
  });
  it('fires a one-off once', () => {
    const s: ScheduleSpec = { scheduleCron: null, runAt: at('2025-03-01T03:00:00Z'), startsAt: null, endsAt: null };
    expect(firstFireFrom(s, at('2025-03-01T03:00:00Z'))).toEqual(at('2025-03-01T03:00:00Z'));
    expect(nextFireAfter(s, at('2025-03-01T03:00:00Z'))).toBeNull();
  });
});

describe('planFires (missed-fire policy)', () => {
  const everyMinute = cron('* * * * *');
  it('runs the one due fire time on time', () => {
    const p = planFires(everyMinute, at('2025-03-01T00:00:00Z'), at('2025-03-01T00:00:00.400Z'), 12)!;
    expect(p.run).toEqual(at('2025-03-01T00:00:00Z'));
    expect(p.skipped).toEqual([]);
    expect(p.next).toEqual(at('2025-03-01T00:01:00Z'));
  });
  it('returns null before the next fire time', () => {
    expect(planFires(everyMinute, at('2025-03-01T00:01:00Z'), at('2025-03-01T00:00:30Z'), 12)).toBeNull();
  });
  it('runs only the latest of several missed, skipping the rest', () => {
    const p = planFires(everyMinute, at('2025-03-01T00:00:00Z'), at('2025-03-01T00:05:30Z'), 12)!;
    expect(p.run).toEqual(at('2025-03-01T00:05:00Z'));
    expect(p.skipped).toHaveLength(5);
    expect(p.skipped[0]).toEqual(at('2025-03-01T00:00:00Z'));
    expect(p.unrecorded).toBe(0);
  });
  it('skips the latest too when it is past its validity', () => {
    const daily = cron('0 8 * * *');
    const p = planFires(daily, at('2025-03-01T01:00:00Z'), at('2025-03-01T14:00:00Z'), 12)!;
    expect(p.run).toBeNull();
    expect(p.skipped).toEqual([at('2025-03-01T01:00:00Z')]);
    expect(p.next).toEqual(at('2025-03-02T01:00:00Z'));
  });
  it('records at most 100 skipped runs and counts the rest', () => {
    const p = planFires(everyMinute, at('2025-03-01T00:00:00Z'), at('2025-03-01T10:00:00Z'), 12)!;
    expect(p.run).toEqual(at('2025-03-01T10:00:00Z'));
    expect(p.skipped).toHaveLength(100);
    expect(p.unrecorded).toBe(601 - 100 - 1);
    expect(p.skipped[99]).toEqual(at('2025-03-01T09:59:00Z'));
  });
  it('does not enumerate beyond the lookback after a long outage', () => {
    const hourly = cron('0 * * * *');
    const p = planFires(hourly, at('2025-01-01T00:00:00Z'), at('2025-03-01T00:30:00Z'), 12)!;
    expect(p.truncated).toBe(true);
    expect(p.run).toEqual(at('2025-03-01T00:00:00Z'));
    expect(p.skipped.length).toBeLessThanOrEqual(24);
  });
});
