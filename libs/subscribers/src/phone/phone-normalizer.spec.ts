import { MOBILE_PREFIXES, OLD_PREFIXES } from './carrier-prefixes';
import { normalizePhone } from './phone-normalizer';

describe('normalizePhone: every shape of a valid number', () => {
  // [input, canonical, carrier, converted]
  const cases: [string, string, string, boolean][] = [
    ['0912345678', '84912345678', 'vinaphone', false],
    ['912345678', '84912345678', 'vinaphone', false],
    ['84912345678', '84912345678', 'vinaphone', false],
    ['+84912345678', '84912345678', 'vinaphone', false],
    ['0084912345678', '84912345678', 'vinaphone', false],
    ['+84 91 234 5678', '84912345678', 'vinaphone', false],
    ['091.234.5678', '84912345678', 'vinaphone', false],
    ['091-234-5678', '84912345678', 'vinaphone', false],
    ['(091) 234 5678', '84912345678', 'vinaphone', false],
    ['(+84) 912-345-678', '84912345678', 'vinaphone', false],
    ['  0912345678  ', '84912345678', 'vinaphone', false],
    ['\t0912345678\u00a0', '84912345678', 'vinaphone', false],
    ['０９１２３４５６７８', '84912345678', 'vinaphone', false],
    ['＋８４９１２３４５６７８', '84912345678', 'vinaphone', false],
    ["'0912345678", '84912345678', 'vinaphone', false],
    ['"0912345678"', '84912345678', 'vinaphone', false],
    ['841234567', '84841234567', 'vinaphone', false], // 9 digits starting 84: VinaPhone 084 without its 0
    ['8484123456' + '7', '84841234567', 'vinaphone', false],
    ['01689123456', '84389123456', 'viettel', true],
    ['1689123456', '84389123456', 'viettel', true],
    ['841689123456', '84389123456', 'viettel', true],
    ['+84 168 912 3456', '84389123456', 'viettel', true],
    ['+84 (0) 912 345 678', '84912345678', 'vinaphone', false],
    ['840912345678', '84912345678', 'vinaphone', false],
    ['0168.912.3456', '84389123456', 'viettel', true],
  ];
  it.each(cases)('%j → %s (%s)', (input, phone, carrier, converted) => {
    expect(normalizePhone(input)).toEqual({ ok: true, phone, carrier, converted });
  });
});

describe('normalizePhone: every current prefix maps to its carrier', () => {
  const table: [string, string][] = [
    ...['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'].map(
      (p): [string, string] => [p, 'viettel'],
    ),
    ...['081', '082', '083', '084', '085', '088', '091', '094'].map((p): [string, string] => [p, 'vinaphone']),
    ...['070', '076', '077', '078', '079', '089', '090', '093'].map((p): [string, string] => [p, 'mobifone']),
    ...['052', '056', '058', '092'].map((p): [string, string] => [p, 'vietnamobile']),
    ...['059', '099'].map((p): [string, string] => [p, 'gmobile']),
    ['087', 'itel'],
  ];
  it('covers the whole table of carriers.md and nothing else', () => {
    expect(table.length).toBe(Object.keys(MOBILE_PREFIXES).length);
  });
  it.each(table)('%s → %s', (prefix, carrier) => {
    expect(normalizePhone(`${prefix}1234567`)).toEqual({
      ok: true,
      phone: `84${prefix.slice(1)}1234567`,
      carrier,
      converted: false,
    });
  });
});

describe('normalizePhone: every old 11-digit prefix converts as carriers.md says', () => {
  const table: [string, string, string][] = [
    ['0162', '032', 'viettel'],
    ['0163', '033', 'viettel'],
    ['0164', '034', 'viettel'],
    ['0165', '035', 'viettel'],
    ['0166', '036', 'viettel'],
    ['0167', '037', 'viettel'],
    ['0168', '038', 'viettel'],
    ['0169', '039', 'viettel'],
    ['0120', '070', 'mobifone'],
    ['0121', '079', 'mobifone'],
    ['0122', '077', 'mobifone'],
    ['0126', '076', 'mobifone'],
    ['0128', '078', 'mobifone'],
    ['0123', '083', 'vinaphone'],
    ['0124', '084', 'vinaphone'],
    ['0125', '085', 'vinaphone'],
    ['0127', '081', 'vinaphone'],
    ['0129', '082', 'vinaphone'],
    ['0186', '056', 'vietnamobile'],
    ['0188', '058', 'vietnamobile'],
    ['0199', '059', 'gmobile'],
  ];
  it('covers the whole conversion table', () => {
    expect(table.length).toBe(Object.keys(OLD_PREFIXES).length);
  });
  it.each(table)('%s → %s (%s)', (oldP, newP, carrier) => {
    expect(normalizePhone(`${oldP}7654321`)).toEqual({
      ok: true,
      phone: `84${newP.slice(1)}7654321`,
      carrier,
      converted: true,
    });
  });
});

describe('normalizePhone: rejections name the problem', () => {
  const cases: [unknown, RegExp][] = [
    ['', /empty/],
    ['   ', /empty/],
    [null, /empty/],
    ["'", /empty/],
    ['9.12345678E+8', /scientific notation/],
    ['8.49123E+10', /scientific notation/],
    ['02438253456', /landline \(area code 024\)/],
    ['028 3822 1234', /landline \(area code 028\)/],
    ['+84 236 3821 234', /landline \(area code 0236\)/],
    ['0211 3862 123', /landline/],
    ['+1 415 555 2671', /foreign number/],
    ['+8613812345678', /foreign number/],
    ['0086 138 1234 5678', /foreign number/],
    ['091234567', /too short/],
    ['09123456789', /too long/],
    ['0112345678', /unknown mobile prefix 011/],
    ['0612345678', /unknown mobile prefix 061/],
    ['0801234567', /unknown mobile prefix 080/],
    ['01301234567', /old 11-digit prefix 0130/],
    ['0912a45678', /characters other than digits/],
    ['0912345678 ext 2', /characters other than digits/],
    ['00912345678', /foreign number/],
    ['+84 00 912 345 678', /malformed/],
  ];
  it.each(cases)('%j is refused: %s', (input, reason) => {
    const r = normalizePhone(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  // The count is of the digits as written, never of a 0 the input did not have.
  it.each([
    ['12345', 'too short: 5 digits, a mobile number has 9 after its leading 0 (10 in all)'],
    ['091234567', 'too short: 9 digits with the leading 0, a mobile number has 10'],
    ['09123456789', 'too long: 11 digits with the leading 0, a mobile number has 10'],
    ['+8491234567', 'too short: 8 digits after the country code 84, a mobile number has 9'],
    ['0084 9123 456 789', 'too long: 10 digits after the country code 84, a mobile number has 9'],
    ['9123456789', 'too long: 10 digits, a mobile number has 9 after its leading 0 (10 in all)'],
  ])('%j: %s', (input, reason) => {
    expect(normalizePhone(input)).toEqual({ ok: false, reason });
  });

  it('gives distinct reasons for distinct problems', () => {
    const reasons = ['02438253456', '+14155552671', '091234567', '09123456789', '0612345678', '9.1E+8'].map((x) =>
      (normalizePhone(x) as { reason: string }).reason.split(' ').slice(0, 2).join(' '),
    );
    expect(new Set(reasons).size).toBe(reasons.length);
  });
});
