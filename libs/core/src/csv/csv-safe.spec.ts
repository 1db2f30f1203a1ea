import { csvSafeCell } from './csv-safe';

describe('csvSafeCell (formula injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+84912345678', `'+84912345678`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (cell, out) => expect(csvSafeCell(cell)).toBe(out));

  it('leaves numbers, booleans and null alone', () => {
    expect([csvSafeCell(-5), csvSafeCell(true), csvSafeCell(null)]).toEqual([-5, true, null]);
  });
});
