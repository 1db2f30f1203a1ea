import { isCalendarDay } from './dates';
import { BIG_ID_MAX, ID_MAX, parseId } from './ids';
import { MAX_DEPTH, shapeProblem } from './input-shape.pipe';

describe('parseId', () => {
  it.each([
    ['1', 'int', 1],
    [String(ID_MAX), 'int', ID_MAX],
    [String(ID_MAX + 1), 'int', undefined],
    [String(ID_MAX + 1), 'bigint', ID_MAX + 1],
    [String(BIG_ID_MAX), 'bigint', BIG_ID_MAX],
    ['9007199254740992', 'bigint', undefined],
    ['9223372036854775808', 'bigint', undefined],
    ['1e308', 'int', undefined],
    ['0x10', 'int', undefined],
    [' 12', 'int', undefined],
    ['1.0', 'int', undefined],
    ['1.5', 'int', undefined],
    ['-1', 'int', undefined],
    ['0', 'int', undefined],
    ['', 'int', undefined],
    [12, 'int', 12],
    [1e308, 'bigint', undefined],
    [1.5, 'int', undefined],
  ] as const)('%j as %s → %s', (value, kind, expected) => {
    expect(parseId(value, kind)).toBe(expected);
  });
});

describe('isCalendarDay', () => {
  it.each([
    ['2020-02-29', true],
    ['2026-12-31', true],
    ['2021-02-29', false],
    ['2020-02-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-1', false],
    ['2026-01-01T00:00:00Z', false],
    [20260101, false],
  ])('%j → %s', (value, expected) => {
    expect(isCalendarDay(value)).toBe(expected);
  });
});

describe('shapeProblem', () => {
  const nested = (n: number): unknown => (n ? { a: nested(n - 1) } : 1);

  it.each([
    [{ name: 'Lê Văn A', tags: ['a', 'b'] }, undefined],
    [{ name: 'Lê\u0000' }, { field: 'name', problem: 'contains a NUL character (\\u0000)' }],
    [{ tags: ['a', 'b\u0000'] }, { field: 'tags[1]', problem: 'contains a NUL character (\\u0000)' }],
    [{ a: { 'k\u0000': 1 } }, { field: 'a.k\u0000', problem: 'has a name containing a NUL character (\\u0000)' }],
    [nested(MAX_DEPTH), undefined],
    [nested(MAX_DEPTH + 1), { field: 'body', problem: `is nested deeper than ${MAX_DEPTH} levels` }],
  ])('%j → %j', (value, expected) => {
    expect(shapeProblem(value)).toEqual(expected);
  });

  it('names a path parameter or query as its root', () => {
    expect(shapeProblem('X\u0000', 'code')).toEqual({ field: 'code', problem: 'contains a NUL character (\\u0000)' });
  });

  it('walks 100,000 levels without recursion', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(shapeProblem(JSON.parse(text))?.problem).toMatch(/deeper than/);
  });
});
