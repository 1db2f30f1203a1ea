// No imports: the console (a browser bundle) reads this file too, to show the mapping the import will use.

/** The headers each field is recognised by, folded (see `foldHeader`). */
export const COLUMN_ALIASES: Record<'phone' | 'unitCode' | 'name' | 'tags', string[]> = {
  phone: ['phone', 'so dien thoai', 'sdt', 'msisdn', 'mobile', 'dien thoai', 'phone number', 'so dt', 'dtdd'],
  unitCode: ['unit code', 'ma don vi', 'unit'],
  name: ['name', 'ho ten', 'ho va ten', 'full name', 'ten'],
  tags: ['tags', 'tag', 'nhan'],
};

/** A header as the import compares it: no accents, "đ" as "d", lower case, spaces/_/-/. as one space. */
export function foldHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ')
    .trim();
}
