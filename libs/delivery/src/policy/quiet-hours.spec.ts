import { msUntilVnMorning, msUntilWindowOpens, vnMinuteOfDay } from './quiet-hours';

/** Instant of a Vietnamese wall-clock time on 2026-11-24 (UTC+7). */
const vn = (h: number, m = 0) => Date.UTC(2026, 10, 24, h - 7, m);

describe('quiet hours (Asia/Ho_Chi_Minh)', () => {
  it('reads the Vietnamese minute of the day', () => {
    expect(vnMinuteOfDay(vn(7, 30))).toBe(450);
    expect(vnMinuteOfDay(Date.UTC(2026, 10, 24, 17, 0))).toBe(0); // 00:00 next day in Vietnam
  });

  it.each([
    ['inside 07:00–22:00', vn(12), 420, 1320, 0],
    ['at the opening minute', vn(7), 420, 1320, 0],
    ['at the closing minute', vn(22), 420, 1320, 9 * 3600_000],
    ['before opening', vn(6, 30), 420, 1320, 30 * 60_000],
    ['overnight window, inside', vn(23), 1320, 120, 0],
    ['overnight window, outside', vn(3), 1320, 120, 19 * 3600_000],
    ['always open (0..1440)', vn(3), 0, 1440, 0],
  ])('%s', (_, now, start, end, expected) => {
    expect(msUntilWindowOpens(now, start, end)).toBe(expected);
  });

  it('waits to 06:00 for a night refusal', () => {
    expect(msUntilVnMorning(vn(23))).toBe(7 * 3600_000);
    expect(msUntilVnMorning(vn(5, 59))).toBe(60_000);
  });
});
