import { CronTime } from 'cron';

export const TIMEZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam is UTC+7 all year (no daylight saving), so minute-of-day arithmetic needs no tz database. */
export const VN_OFFSET_MINUTES = 7 * 60;
/** At most this many skipped runs are written for fire times missed while nothing was running. */
export const MAX_SKIPPED_RECORDED = 100;
/** Missed fire times are looked for this far back at most (or the validity, if longer). */
export const MISSED_LOOKBACK_MS = 24 * 3600_000;

/** Problems with a cron expression (empty when valid): 5 fields, values in range. */
export function cronProblems(expr: string): string[] {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) {
    return [`must have 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`];
  }
  const v = CronTime.validateCronExpression(expr.trim());
  return v.valid ? [] : [v.error?.message ?? 'invalid cron expression'];
}

/** "HH:MM" (00:00–24:00) → minute of the day; null when malformed. */
export function parseHhmm(s: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

export const formatHhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** When a campaign fires: a cron expression (Asia/Ho_Chi_Minh) or one instant, bounded by startsAt/endsAt. */
export interface ScheduleSpec {
  scheduleCron: string | null;
  runAt: Date | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

/** The first fire time strictly after `after`, or null when there is none (past endsAt, or one-off done). */
export function nextFireAfter(s: ScheduleSpec, after: Date): Date | null {
  let next: Date | null;
  if (s.scheduleCron) {
    // Fire times before startsAt do not exist: search from just before startsAt.
    const from = s.startsAt && s.startsAt.getTime() > after.getTime() ? new Date(s.startsAt.getTime() - 1) : after;
    next = new CronTime(s.scheduleCron, TIMEZONE).getNextDateFrom(from, TIMEZONE).toJSDate();
  } else {
    next = s.runAt && s.runAt.getTime() > after.getTime() ? s.runAt : null;
  }
  if (next && s.endsAt && next.getTime() > s.endsAt.getTime()) return null;
  return next;
}

/** The first fire time at or after `from` (what `next_fire_at` is set to when a campaign is scheduled). */
export const firstFireFrom = (s: ScheduleSpec, from: Date): Date | null =>
  nextFireAfter(s, new Date(from.getTime() - 1));

export interface FirePlan {
  /** The most recent due fire time, to run now (null when it is already past its validity). */
  run: Date | null;
  /** Due fire times recorded as skipped runs, oldest first (at most MAX_SKIPPED_RECORDED). */
  skipped: Date[];
  /** Due fire times neither run nor recorded (beyond the cap or the lookback). */
  unrecorded: number;
  /** Whether fire times before the lookback window were not even enumerated. */
  truncated: boolean;
  /** The last due fire time (becomes last_fire_at). */
  latest: Date;
  /** The next fire time after now, or null when the schedule is exhausted. */
  next: Date | null;
}

/**
 * Missed-fire policy: of the fire times from `nextFireAt` up to `now`, only the most recent may run, and only
 * if `now` is still within its validity; all the others become `skipped` runs (the last MAX_SKIPPED_RECORDED of
 * them), so a restart after downtime never sends a burst of stale reminders. Returns null when nothing is due.
 */
export function planFires(s: ScheduleSpec, nextFireAt: Date, now: Date, validityHours: number): FirePlan | null {
  if (nextFireAt.getTime() > now.getTime()) return null;
  const validityMs = validityHours * 3600_000;
  const lookbackFrom = now.getTime() - Math.max(MISSED_LOOKBACK_MS, validityMs);
  let t: Date | null = nextFireAt;
  let truncated = false;
  if (t.getTime() < lookbackFrom && s.scheduleCron) {
    truncated = true;
    t = nextFireAfter(s, new Date(lookbackFrom - 1));
  }
  const due: Date[] = [];
  let count = 0;
  while (t && t.getTime() <= now.getTime()) {
    due.push(t);
    if (due.length > MAX_SKIPPED_RECORDED + 1) due.shift();
    count++;
    t = nextFireAfter(s, t);
  }
  if (!due.length) {
    // Everything due lay before the lookback window: record nothing but move on.
    return { run: null, skipped: [], unrecorded: 0, truncated, latest: nextFireAt, next: t };
  }
  const latest = due[due.length - 1];
  const fresh = latest.getTime() + validityMs > now.getTime();
  const older = due.slice(0, -1);
  const skipped = fresh ? older : [...older, latest].slice(-MAX_SKIPPED_RECORDED);
  return {
    run: fresh ? latest : null,
    skipped,
    unrecorded: count - skipped.length - (fresh ? 1 : 0),
    truncated,
    latest,
    next: t,
  };
}
