/** Folds a header for matching: lower case, no accents (đ → d), words separated by single spaces. */
export function foldHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ')
    .trim();
}

const ALIASES: Record<'phone' | 'unitCode' | 'name' | 'tags', string[]> = {
  phone: ['phone', 'so dien thoai', 'sdt', 'msisdn', 'mobile', 'dien thoai', 'phone number', 'so dt', 'dtdd'],
  unitCode: ['unit code', 'ma don vi', 'unit'],
  name: ['name', 'ho ten', 'ho va ten', 'full name', 'ten'],
  tags: ['tags', 'tag', 'nhan'],
};

export interface ColumnMap {
  phone: number;
  unitCode: number | null;
  name: number | null;
  tags: number | null;
  /** Every other column: index → its header as written, stored under `attributes`. */
  attributes: [number, string][];
}

/** Maps a header row to our fields; null when no phone column is found (the caller names the columns found). */
export function mapColumns(header: string[]): ColumnMap | null {
  const folded = header.map(foldHeader);
  const find = (names: string[]): number | null => {
    const i = folded.findIndex((h) => names.includes(h));
    return i < 0 ? null : i;
  };
  const phone = find(ALIASES.phone);
  if (phone === null) return null;
  const map: ColumnMap = {
    phone,
    unitCode: find(ALIASES.unitCode),
    name: find(ALIASES.name),
    tags: find(ALIASES.tags),
    attributes: [],
  };
  const used = new Set([map.phone, map.unitCode, map.name, map.tags]);
  header.forEach((h, i) => {
    if (!used.has(i) && h.trim()) map.attributes.push([i, h.trim()]);
  });
  return map;
}

/** Tags are separated by ";" or "|"; empty ones dropped, duplicates removed, order kept. */
export function splitTags(v: string | undefined): string[] {
  if (!v) return [];
  return [
    ...new Set(
      v
        .split(/[;|]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
