import { VN_OFFSET_MINUTES } from './schedule';

/**
 * Share of a Zalo-first campaign's audience assumed to fall back to SMS (no Zalo account, or Zalo refuses):
 * an assumption for the cost estimate only, until real statistics exist.
 */
export const ZNS_FALLBACK_SHARE = 0.3;

const DAY_MIN = 1440;

/**
 * When `seconds` of sending that starts at `start` ends, if sending happens only inside the daily window
 * [windowStart, windowEnd) (minutes of the day, Asia/Ho_Chi_Minh).
 */
export function finishWithinWindow(start: Date, seconds: number, windowStart: number, windowEnd: number): Date {
  let t = start.getTime();
  let left = seconds * 1000;
  for (let day = 0; day < 3660 && left > 0; day++) {
    const minuteOfDay = (((t / 60_000 + VN_OFFSET_MINUTES) % DAY_MIN) + DAY_MIN) % DAY_MIN;
    const dayStart = t - minuteOfDay * 60_000;
    if (minuteOfDay < windowStart) t = dayStart + windowStart * 60_000;
    else if (minuteOfDay >= windowEnd) {
      t = dayStart + (DAY_MIN + windowStart) * 60_000;
      continue;
    }
    const open = dayStart + windowEnd * 60_000 - t;
    if (left <= open) return new Date(t + left);
    left -= open;
    t = dayStart + (DAY_MIN + windowStart) * 60_000;
  }
  return new Date(t + left);
}

/** The first instant at or after `at` inside the daily window [windowStart, windowEnd) (Asia/Ho_Chi_Minh). */
export function windowOpensAt(at: Date, windowStart: number, windowEnd: number): Date {
  const minuteOfDay = (((at.getTime() / 60_000 + VN_OFFSET_MINUTES) % DAY_MIN) + DAY_MIN) % DAY_MIN;
  const dayStart = at.getTime() - minuteOfDay * 60_000;
  if (minuteOfDay < windowStart) return new Date(dayStart + windowStart * 60_000);
  if (minuteOfDay >= windowEnd) return new Date(dayStart + (DAY_MIN + windowStart) * 60_000);
  return at;
}

export interface GatewayLoad {
  gatewayId: string;
  messages: number;
  ratePerSecond: number;
}

/** Gateways send in parallel, each at its own rate: the slowest one sets the sending time. */
export function sendingSeconds(loads: GatewayLoad[]): number {
  return loads.reduce((max, g) => Math.max(max, g.ratePerSecond > 0 ? g.messages / g.ratePerSecond : 0), 0);
}
