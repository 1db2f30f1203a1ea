/**
 * Vietnam's calendar, for every date a person reads or picks (reports, dashboards, messages). Asia/Ho_Chi_Minh is
 * UTC+7 all year (no daylight saving since 1975), so a fixed offset is exact: a day runs 17:00 UTC → 17:00 UTC.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 3_600_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Vietnam date of an instant, `YYYY-MM-DD`. */
export function vietnamDate(at: Date | number): string {
  return new Date(+at + OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in Vietnam time, for messages: "runAt 2026-12-02 06:30 (UTC+7) is past". */
export function vietnamDateTime(at: Date | number): string {
  return `${new Date(+at + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')} (UTC+7)`;
}

/** `YYYY-MM-DD` as a person in Vietnam writes it: `dd/MM/yyyy`. */
export function vietnamDayLabel(day: string): string {
  if (!DAY.test(day)) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** A date `days` later (earlier when negative): calendar arithmetic on `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  if (!DAY.test(day)) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant a Vietnam date begins (00:00 UTC+7). */
export function vietnamDayStart(day: string): Date {
  if (!DAY.test(day)) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return new Date(Date.parse(`${day}T00:00:00+07:00`));
}

/** The last `days` Vietnam dates up to today, inclusive: `{ from, to }` for a report link. */
export function lastVietnamDays(now: Date | number, days: number): { from: string; to: string } {
  const to = vietnamDate(now);
  return { from: addDays(to, 1 - days), to };
}
