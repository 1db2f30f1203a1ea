import { ImportFileError, openCsvTable } from '@loa/core';
import { UnitCsvRow, UnitImportError } from './unit.types';

const COLUMNS = ['code', 'name', 'level', 'parent_code'] as const;

/**
 * Parses a units CSV (UTF-8, BOM tolerated) into rows with their line numbers; header names the columns. Read by
 * the shared strict reader: a malformed file is refused naming the line, and an empty or ragged row is a problem
 * of its line like any other (the whole file is refused, nothing is stored).
 */
export async function parseUnitCsv(content: Buffer | string): Promise<UnitCsvRow[]> {
  const problems: string[] = [];
  const rows: UnitCsvRow[] = [];
  try {
    const file = await openCsvTable(typeof content === 'string' ? Buffer.from(content) : content);
    const header = file.header.map((h) => h.trim().toLowerCase());
    const idx = COLUMNS.map((c) => header.indexOf(c));
    const missing = COLUMNS.filter((_, i) => idx[i] < 0 && COLUMNS[i] !== 'parent_code');
    if (missing.length) {
      file.close();
      throw new UnitImportError([`missing column(s) ${missing.join(', ')}; found: ${file.header.join(', ')}`]);
    }
    for await (const { line, cells, fault } of file.rows()) {
      if (fault) {
        problems.push(`line ${line}: ${fault}`);
        continue;
      }
      const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
      rows.push({
        line,
        code: cell(idx[0]),
        name: cell(idx[1]),
        level: cell(idx[2]),
        parentCode: cell(idx[3]) || null,
      });
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw new UnitImportError([e.message]);
    throw e;
  }
  if (problems.length) throw new UnitImportError(problems);
  return rows;
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
