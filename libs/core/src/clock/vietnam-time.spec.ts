import {
  addDays,
  lastVietnamDays,
  vietnamDate,
  vietnamDateTime,
  vietnamDayLabel,
  vietnamDayStart,
} from './vietnam-time';

describe('Vietnam dates', () => {
  it.each([
    // [instant (UTC), Vietnam date]
    ['2026-12-01T16:59:59.999Z', '2026-12-01'], // 23:59:59.999 in Hà Nội
    ['2026-12-01T17:00:00.000Z', '2026-12-02'], // midnight in Hà Nội, still the 1st in UTC
    ['2026-12-01T23:30:00.000Z', '2026-12-02'], // 06:30: the hours a UTC date drops today
    ['2026-12-02T00:00:00.000Z', '2026-12-02'],
    ['2026-12-31T17:00:00.000Z', '2027-01-01'], // new year
    ['2024-02-28T17:00:00.000Z', '2024-02-29'], // leap day
  ])('%s is %s in Vietnam', (utc, day) => {
    expect(vietnamDate(new Date(utc))).toBe(day);
    expect(vietnamDate(Date.parse(utc))).toBe(day);
  });

  it('writes a date as dd/MM/yyyy', () => expect(vietnamDayLabel('2026-12-02')).toBe('02/12/2026'));

  it('writes a date and time in Vietnam time', () => {
    expect(vietnamDateTime(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02 06:30 (UTC+7)');
  });

  it.each([
    ['2026-12-02', -29, '2026-11-03'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-12-02', 0, '2026-12-02'],
  ])('%s %+d days is %s', (day, n, expected) => expect(addDays(day, n)).toBe(expected));

  it('starts a Vietnam day at 17:00 UTC the day before', () => {
    expect(vietnamDayStart('2026-12-02').toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(() => vietnamDayStart('02/12/2026')).toThrow(RangeError);
  });

  it('the last 30 days include today in Vietnam, also between 00:00 and 07:00', () => {
    expect(lastVietnamDays(new Date('2026-12-01T18:00:00Z'), 30)).toEqual({ from: '2026-11-03', to: '2026-12-02' });
    expect(lastVietnamDays(new Date('2026-12-02T10:00:00Z'), 30)).toEqual({ from: '2026-11-03', to: '2026-12-02' });
  });
});
