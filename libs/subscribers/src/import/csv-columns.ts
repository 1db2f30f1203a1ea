import { columnName, foldHeader, ImportFileError } from '@loa/core';
import { COLUMN_ALIASES } from './column-aliases';

export { foldHeader };

const ALIASES = COLUMN_ALIASES;

export interface ColumnMap {
  phone: number;
  unitCode: number | null;
  name: number | null;
  tags: number | null;
  /** Every other column: index → its header as written, stored under `attributes`. */
  attributes: [number, string][];
}

/**
 * Maps a header row to our fields; null when no phone column is found (the caller names the columns found).
 * Two columns for one field (`sdt` and `phone`) refuse the file: one of them would be ignored.
 */
export function mapColumns(header: string[]): ColumnMap | null {
  const folded = header.map(foldHeader);
  const find = (names: string[]): number | null => {
    const found = folded.flatMap((h, i) => (names.includes(h) ? [i] : []));
    if (found.length > 1) {
      const [a, b] = found.map((i) => columnName(i, header));
      throw new ImportFileError(
        `The header has two columns for the same field, ${a} and ${b}; one of them would be ignored: keep one`,
      );
    }
    return found.length ? found[0] : null;
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
