/** Asia/Ho_Chi_Minh is UTC+7 all year, so the offset is exact. */
const VN_OFFSET_MIN = 7 * 60;
const DAY_MIN = 1440;

/** Minute of the day (0..1439) in Vietnam at `ms`. */
export function vnMinuteOfDay(ms: number): number {
  return (((Math.floor(ms / 60_000) + VN_OFFSET_MIN) % DAY_MIN) + DAY_MIN) % DAY_MIN;
}

/**
 * Clock milliseconds until the sending window [start, end) opens, 0 when it is open now. Minutes of the day in
 * Vietnam; start > end is a window across midnight; start == end, or 0..1440, means always open.
 */
export function msUntilWindowOpens(nowMs: number, startMin: number, endMin: number): number {
  if (startMin === endMin || (startMin === 0 && endMin >= DAY_MIN)) return 0;
  const m = vnMinuteOfDay(nowMs);
  const open = startMin < endMin ? m >= startMin && m < endMin : m >= startMin || m < endMin;
  if (open) return 0;
  const minutes = (startMin - m + DAY_MIN) % DAY_MIN;
  const intoMinute = ((nowMs % 60_000) + 60_000) % 60_000;
  return minutes * 60_000 - intoMinute;
}

/** Clock milliseconds until the next 06:00 in Vietnam (Zalo refuses some templates at night: -133). */
export function msUntilVnMorning(nowMs: number, hour = 6): number {
  return msUntilWindowOpens(nowMs, hour * 60, 22 * 60) || 0;
}
