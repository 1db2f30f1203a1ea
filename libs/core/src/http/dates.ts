import { ValidateBy, ValidationArguments, isISO8601 } from 'class-validator';

const shown = (v: unknown) => JSON.stringify(String(v).slice(0, 40));

/** "YYYY-MM-DD" naming a day that exists: 2020-02-29 is one, 2020-02-31 and 2026-13-01 are not. */
export function isCalendarDay(v: unknown): v is string {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** A Vietnam date (Asia/Ho_Chi_Minh) query or body field, `YYYY-MM-DD`, a real day of the calendar. */
export function IsVnDay(): PropertyDecorator {
  return ValidateBy({
    name: 'isVnDay',
    validator: {
      validate: isCalendarDay,
      defaultMessage: (a?: ValidationArguments) =>
        `${a?.property} must be a date YYYY-MM-DD that exists (got ${shown(a?.value)})`,
    },
  });
}

/**
 * An instant: strict ISO 8601 (no 31 February, no hour 25) that JavaScript can also read — `Date` would roll
 * 2020-02-31 over to 2 March, and an unreadable one throws when written to PostgreSQL.
 */
export function IsInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && isISO8601(v, { strict: true }) && !isNaN(Date.parse(v)),
      defaultMessage: (a?: ValidationArguments) =>
        `${a?.property} must be an ISO 8601 date-time that exists, e.g. 2026-12-02T08:00:00+07:00 (got ${shown(a?.value)})`,
    },
  });
}
