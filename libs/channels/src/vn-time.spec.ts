import { formatVnCompact, nextVnHour, parseVnCompact, vnHour } from './vn-time';

describe('Vietnam time helpers (UTC+7)', () => {
  it.each([
    // [now (UTC), hour, expected (UTC)]
    [Date.UTC(2020, 7, 20, 16, 30), 6, Date.UTC(2020, 7, 20, 23, 0)], // 23:30 VN → 06:00 next day
    [Date.UTC(2020, 7, 20, 20, 0), 6, Date.UTC(2020, 7, 20, 23, 0)], // 03:00 VN → 06:00 same day
    [Date.UTC(2020, 7, 20, 23, 0), 6, Date.UTC(2020, 7, 21, 23, 0)], // exactly 06:00 → tomorrow's
    [Date.UTC(2020, 7, 20, 16, 30), 0, Date.UTC(2020, 7, 20, 17, 0)], // 23:30 VN → midnight
    [Date.UTC(2020, 7, 20, 17, 0), 0, Date.UTC(2020, 7, 21, 17, 0)], // at midnight → next one
    [Date.UTC(2020, 11, 31, 18, 0), 0, Date.UTC(2021, 0, 1, 17, 0)], // 01:00 VN on Jan 1st
  ])('nextVnHour(%d, %d) = %d', (now, hour, expected) => {
    expect(nextVnHour(now, hour)).toBe(expected);
  });

  it.each([
    [Date.UTC(2020, 7, 20, 16, 30), 23],
    [Date.UTC(2020, 7, 20, 17, 0), 0],
    [Date.UTC(2020, 7, 20, 0, 0), 7],
  ])('vnHour(%d) = %d', (now, h) => expect(vnHour(now)).toBe(h));

  it('formats and parses yyyyMMddHHmmss in Vietnam time', () => {
    const ms = Date.UTC(2020, 7, 20, 16, 30, 5);
    expect(formatVnCompact(ms)).toBe('20200820233005');
    expect(parseVnCompact('20200820233005')).toBe(ms);
    expect(parseVnCompact('2020-08-20')).toBeUndefined();
  });
});
