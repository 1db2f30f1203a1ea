/**
 * Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975), so a fixed offset is exact and avoids a
 * time-zone database lookup on the send path.
 */
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The first instant strictly after `nowMs` at which Vietnamese wall-clock time is `hour`:00. */
export function nextVnHour(nowMs: number, hour: number): number {
  const local = nowMs + VN_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  let at = dayStart + hour * 3600_000;
  if (at <= local) at += DAY_MS;
  return at - VN_OFFSET_MS;
}

/** Vietnamese wall-clock hour (0–23) at `nowMs`. */
export function vnHour(nowMs: number): number {
  return Math.floor(((nowMs + VN_OFFSET_MS) % DAY_MS) / 3600_000);
}

/** `yyyyMMddHHmmss` in Vietnamese time ↔ epoch ms (the assumed carrier DLR time format). */
export function formatVnCompact(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function parseVnCompact(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, se) - VN_OFFSET_MS;
}
