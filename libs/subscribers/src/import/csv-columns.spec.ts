import { foldHeader, mapColumns, splitTags } from './csv-columns';

describe('subscriber CSV columns', () => {
  const phoneHeaders = [
    'phone',
    'Phone',
    'PHONE',
    'so dien thoai',
    'Số điện thoại',
    'SỐ ĐIỆN THOẠI',
    'sdt',
    'SĐT',
    'sđt',
    'msisdn',
    'Mobile',
    ' số_điện_thoại ',
  ];
  it.each(phoneHeaders)('%j is the phone column', (h) => {
    expect(mapColumns(['x', h])?.phone).toBe(1);
  });

  const others: [string, 'unitCode' | 'name' | 'tags'][] = [
    ['unit_code', 'unitCode'],
    ['Unit Code', 'unitCode'],
    ['Mã đơn vị', 'unitCode'],
    ['name', 'name'],
    ['Họ tên', 'name'],
    ['ho ten', 'name'],
    ['Họ và tên', 'name'],
    ['tags', 'tags'],
    ['Tags', 'tags'],
  ];
  it.each(others)('%j is %s', (h, field) => {
    expect(mapColumns(['sdt', h])?.[field]).toBe(1);
  });

  it('puts other columns in attributes with their header as written', () => {
    expect(mapColumns(['Thôn', 'sdt', 'Năm sinh', ''])?.attributes).toEqual([
      [0, 'Thôn'],
      [2, 'Năm sinh'],
    ]);
  });

  it.each([
    [['sdt', 'name', 'phone'], /column A \("sdt"\) and column C \("phone"\)/],
    [['sdt', 'Họ tên', 'name'], /column B \("Họ tên"\) and column C \("name"\)/],
  ])('refuses two columns for one field: %j', (header, error) => {
    expect(() => mapColumns(header)).toThrow(error);
  });

  it('returns null without a phone column', () => {
    expect(mapColumns(['name', 'tel'])).toBeNull();
  });

  it('folds accents and separators', () => {
    expect(foldHeader('  Số_Điện-Thoại ')).toBe('so dien thoai');
  });

  it.each([
    ['a;b', ['a', 'b']],
    ['a | b |', ['a', 'b']],
    ['a;a;b', ['a', 'b']],
    ['', []],
  ])('splits tags %j', (v, tags) => {
    expect(splitTags(v)).toEqual(tags);
  });
});
