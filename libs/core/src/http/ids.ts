import { applyDecorators, ArgumentMetadata, Param, PipeTransform } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { badInput } from './validation';

/** `serial` keys (units, API keys, segments, templates, campaigns) are PostgreSQL `integer`s. */
export const ID_MAX = 2_147_483_647;
/** `bigserial` keys (subscribers, imports, runs, audit entries) handled as JS numbers: exact up to 2^53 − 1. */
export const BIG_ID_MAX = Number.MAX_SAFE_INTEGER;
/** A `bigint` kept as a string (run ids): PostgreSQL's upper bound. */
const BIGINT_MAX = 9_223_372_036_854_775_807n;

export type IdKind = 'int' | 'bigint';
const maxOf = (kind: IdKind) => (kind === 'int' ? ID_MAX : BIG_ID_MAX);
const shown = (v: unknown) => JSON.stringify(String(v).slice(0, 40));

/** Digits only ("12"; never "1e3", "0x1f", " 12", "1.0"), within 1..max; undefined otherwise. */
export function parseId(value: unknown, kind: IdKind = 'int'): number | undefined {
  // Numbers come from JSON bodies; path and query text must be digits, nothing Number() would also read.
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,16}$/.test(value) ? +value : NaN;
  return Number.isSafeInteger(n) && n >= 1 && n <= maxOf(kind) ? n : undefined;
}

export function idRule(kind: IdKind = 'int'): string {
  return `must be an id: a whole number from 1 to ${maxOf(kind)}`;
}

/** A numeric id in the path: 400 naming the parameter, before any query could overflow PostgreSQL's integer. */
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly kind: IdKind = 'int') {}

  transform(value: string, meta: ArgumentMetadata): number {
    const id = parseId(value, this.kind);
    if (id === undefined) throw badInput(meta.data ?? 'id', `${idRule(this.kind)} (got ${shown(value)})`);
    return id;
  }
}

/** `@IdParam()` = `@Param('id')` as a checked id; `'bigint'` for the bigserial tables. */
export const IdParam = (name = 'id', kind: IdKind = 'int') => Param(name, new ParseIdPipe(kind));

/**
 * An id field of a body or query DTO (one rule, one message naming the field). Query strings of digits become
 * numbers; anything else ("1e308", "abc", 1.5, 2^63) is refused as it is.
 */
export function IsId(opts: { kind?: IdKind; each?: boolean } = {}): PropertyDecorator {
  const kind = opts.kind ?? 'int';
  const digits = (v: unknown) => (typeof v === 'string' && /^\d{1,16}$/.test(v) ? +v : v);
  return applyDecorators(
    Transform(({ value }) => (Array.isArray(value) ? value.map(digits) : digits(value))),
    ValidateBy(
      {
        name: 'isId',
        validator: {
          validate: (v: unknown) => typeof v === 'number' && parseId(v, kind) !== undefined,
          defaultMessage: (a?: ValidationArguments) =>
            `${a?.property}${opts.each ? ' (each)' : ''} ${idRule(kind)} (got ${shown(a?.value)})`,
        },
      },
      { each: opts.each },
    ),
  );
}

/** A bigint id kept as a string of digits (run ids), 1..2^63 − 1. */
export function IsIdString(): PropertyDecorator {
  return ValidateBy({
    name: 'isIdString',
    validator: {
      validate: (v: unknown) =>
        typeof v === 'string' && /^\d{1,19}$/.test(v) && BigInt(v) >= 1n && BigInt(v) <= BIGINT_MAX,
      defaultMessage: (a?: ValidationArguments) =>
        `${a?.property} must be an id: digits, from 1 to ${BIGINT_MAX} (got ${shown(a?.value)})`,
    },
  });
}
