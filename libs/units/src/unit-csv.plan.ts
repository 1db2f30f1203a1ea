import { parse } from 'csv-parse/sync';
import { UnitCsvRow, UnitImportError } from './unit.types';

const COLUMNS = ['code', 'name', 'level', 'parent_code'] as const;

/** Parses a units CSV (UTF-8, BOM tolerated) into rows with their line numbers; header names the columns. */
export function parseUnitCsv(content: Buffer | string): UnitCsvRow[] {
  const text = typeof content === 'string' ? content : decodeUtf8(content);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (e) {
    throw new UnitImportError([`not a readable CSV: ${(e as Error).message}`]);
  }
  if (!records.length) throw new UnitImportError(['the file is empty']);
  const header = records[0].record.map((h) => h.toLowerCase());
  const idx = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_, i) => idx[i] < 0 && COLUMNS[i] !== 'parent_code');
  if (missing.length) {
    throw new UnitImportError([`missing column(s) ${missing.join(', ')}; found: ${records[0].record.join(', ')}`]);
  }
  return records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    code: record[idx[0]] ?? '',
    name: record[idx[1]] ?? '',
    level: record[idx[2]] ?? '',
    parentCode: idx[3] >= 0 && record[idx[3]] ? record[idx[3]] : null,
  }));
}

function decodeUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UnitImportError(['the file is not UTF-8: save it as "CSV UTF-8" and upload again']);
  }
}

/**
 * Validates rows and orders them parents-first, whatever their order in the file. `existing` maps codes already in
 * the database to their parent code, so a file may hang new units under stored ones and re-parenting is checked for
 * cycles against the stored tree too. Throws UnitImportError listing every problem with its line.
 */
export function planUnitImport(rows: UnitCsvRow[], existing: Map<string, string | null>): UnitCsvRow[] {
  const problems: string[] = [];
  const byCode = new Map<string, UnitCsvRow>();
  for (const r of rows) {
    if (!r.code) problems.push(`line ${r.line}: code is empty`);
    else if (!/^[0-9A-Za-z._-]{1,32}$/.test(r.code))
      problems.push(`line ${r.line}: code "${r.code}" has invalid characters`);
    if (!r.name) problems.push(`line ${r.line}: name is empty`);
    if (!r.level) problems.push(`line ${r.line}: level is empty`);
    if (r.parentCode === r.code && r.code) problems.push(`line ${r.line}: unit ${r.code} is its own parent`);
    const dup = byCode.get(r.code);
    if (dup && r.code) problems.push(`line ${r.line}: duplicate code ${r.code} (first on line ${dup.line})`);
    else byCode.set(r.code, r);
  }
  for (const r of rows) {
    if (r.parentCode && !byCode.has(r.parentCode) && !existing.has(r.parentCode)) {
      problems.push(`line ${r.line}: unknown parent_code ${r.parentCode}`);
    }
  }
  if (problems.length) throw new UnitImportError(problems);

  // The tree after the import: file rows win over stored parents.
  const parentOf = (code: string): string | null | undefined =>
    byCode.has(code) ? byCode.get(code)!.parentCode : existing.get(code);
  const ordered: UnitCsvRow[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (r: UnitCsvRow, chain: string[]): void => {
    if (state.get(r.code) === 'done') return;
    if (state.get(r.code) === 'visiting') {
      problems.push(`line ${r.line}: cycle ${[...chain, r.code].join(' → ')}`);
      return;
    }
    state.set(r.code, 'visiting');
    // Walk up through stored units too, to catch a cycle closed by a stored parent.
    let p = r.parentCode;
    const seen = new Set<string>([r.code]);
    while (p && !byCode.has(p)) {
      if (seen.has(p)) break;
      seen.add(p);
      p = parentOf(p) ?? null;
    }
    if (p && byCode.has(p)) visit(byCode.get(p)!, [...chain, r.code]);
    state.set(r.code, 'done');
    ordered.push(r);
  };
  for (const r of rows) visit(r, []);
  if (problems.length) throw new UnitImportError(problems);
  return ordered;
}
