/** An administrative unit (province, district, commune, …) as the API shows it. */
export interface Unit {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  path: string;
  depth: number;
}

/** One row of a units CSV: `code,name,level,parent_code` (parent_code empty for roots). */
export interface UnitCsvRow {
  line: number;
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface UnitImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A units CSV that cannot be imported; `problems` name each line. Nothing is written. */
export class UnitImportError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Units file refused: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? ` (+${problems.length - 20} more)` : ''}`,
    );
  }
}
