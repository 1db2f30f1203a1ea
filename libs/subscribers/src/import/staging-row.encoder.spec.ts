import { mapColumns } from './csv-columns';
import { StagingRowEncoder, pgArray, text } from './staging-row.encoder';

describe('COPY text fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a\tb', 'a\\tb'],
    ['line\nbreak\r', 'line\\nbreak\\r'],
    ['back\\slash', 'back\\\\slash'],
    ['nul\0byte', 'nulbyte'],
    ['"quoted"', '"quoted"'],
  ])('%j → %j', (input, expected) => expect(text(input)).toBe(expected));

  it.each([
    [[], '{}'],
    [['a', 'b c'], '{"a","b c"}'],
    [['q"t', 'b\\s'], '{"q\\"t","b\\\\s"}'],
  ])('array %j → %s', (items, expected) => expect(pgArray(items)).toBe(expected));
});

describe('StagingRowEncoder', () => {
  const cols = mapColumns(['phone', 'name', 'unit_code', 'tags', 'Thôn', 'Ghi chú'])!;

  it('writes a valid row with tags (plus the import tags) and attributes, empty cells as NULL or omitted', () => {
    const enc = new StagingRowEncoder(cols, ['x', 'a']);
    const record = ['0912345678', ' An ', '12586', 'a; b|a', 'Thôn 1', ''];
    expect(enc.accepted(2, record[0], '84912345678', 'vinaphone', '12586', 'An', record)).toBe(
      '2\t0912345678\t84912345678\tvinaphone\t12586\tAn\t{"a","b","x"}\t{"Thôn":"Thôn 1"}\t\\N\n',
    );
    const bare = ['0912345678', '', '', '', '', 'say "hi"\tthere'];
    expect(enc.accepted(3, bare[0], '84912345678', 'vinaphone', null, null, bare)).toBe(
      '3\t0912345678\t84912345678\tvinaphone\t\\N\t\\N\t{"x","a"}\t{"Ghi chú":"say \\\\"hi\\\\"\\\\tthere"}\t\\N\n',
    );
  });

  it.each([
    [' An ', { ok: true, name: 'An' }],
    ['Nguyễn\u00a0 Văn\tA', { ok: true, name: 'Nguyễn Văn A' }],
    ['Nguye\u0302\u0303n Thị B', { ok: true, name: 'Nguyễn Thị B' }], // decomposed input stored as NFC
    ['', { ok: true, name: null }],
    ['   ', { ok: true, name: null }],
    ['Nguyễn Thị Phương Thảo Nguyệt', { ok: true, name: 'Nguyễn Thị Phương Thảo Nguyệt' }], // 29 characters
    [
      'Nguyễn Thị Phương Thảo Nguyệt Ánh Hồng',
      { ok: false, reason: expect.stringMatching(/is 38 characters; at most 30/) },
    ],
    ['Trần 王', { ok: false, reason: expect.stringMatching(/has 王, which an unaccented SMS cannot carry/) }],
    ['Lê [Văn] C', { ok: false, reason: expect.stringMatching(/has \[ \]/) }],
  ])('name %j → %j', (cell, expected) => {
    expect(new StagingRowEncoder(cols, []).name(['0912345678', cell, '', '', '', ''])).toEqual(expected);
  });

  it('writes a rejected row with its raw value and reason only', () => {
    const enc = new StagingRowEncoder(cols, []);
    expect(enc.rejected(7, '024\t1', 'landline')).toBe('7\t024\\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\tlandline\n');
  });
});
