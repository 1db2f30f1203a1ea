import { CsvSource, ImportFileError } from './csv-bytes';
import { CsvFault, CsvFile, openCsvFile } from './csv-file.reader';

/** One data row: its line, its cells, and why it cannot be read as the header says (the caller rejects it). */
export interface CsvRow {
  line: number;
  cells: string[];
  /** "empty row", or a ragged row (more or fewer values than the header's columns); null when sound. */
  fault: string | null;
}

export interface CsvTable {
  size: number;
  bytesRead(): number;
  /** The header row as written, without Excel's trailing empty cells. */
  header: string[];
  headerLine: number;
  /** Every data row, in order; an empty row between two data rows is a row (with a fault), empty rows at the end are not. */
  rows(): AsyncGenerator<CsvRow>;
  /** Stops reading (closes the file); done by `rows()` when it ends, needed only when rows are not read to the end. */
  close(): void;
}

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

/** Excel's name of column `i` (0 → A, 26 → AA), with its header when it has one: `column C ("tags")`. */
export function columnName(i: number, header?: string[]): string {
  let letters = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  const h = header?.[i]?.trim();
  return h ? `column ${letters} ("${h}")` : `column ${letters}`;
}

function isBlank(record: string[]): boolean {
  for (const c of record) if (c.trim()) return false;
  return true;
}

const DELIMITER_NAMES: Record<string, string> = { ',': '","', ';': '";"', '\t': 'a tab' };

/**
 * The strict reading of an uploaded CSV, shared by every CSV import. Structural faults refuse the whole file with
 * an ImportFileError naming the line (nothing may be stored): a quoted cell that spans lines or is never closed
 * (an unbalanced quote would otherwise swallow the rows after it), a header with an empty or repeated column name,
 * a line over 64 KB, and everything `openCsvFile` refuses (binary, compressed, not UTF-8, NUL bytes). Row faults
 * are handed to the caller on the row, to be rejected with that reason: an empty row between data rows, a row with
 * more values than the header has columns (extra values would be lost) or fewer (the cells may have shifted).
 */
export async function openCsvTable(source: CsvSource, maxRecordSize = 64 * 1024): Promise<CsvTable> {
  const file = await openCsvFile(source, maxRecordSize);
  const it = file.records[Symbol.asyncIterator]() as AsyncIterator<string[] | CsvFault>;
  let line = 0; // line of the last record read (each record is one line: no cell may hold a line break)
  const fail = (e: unknown): never => {
    file.close();
    throw new ImportFileError(describeCsvError(e, line + 1, maxRecordSize));
  };
  const next = async (): Promise<string[] | null> => {
    let r: IteratorResult<string[] | CsvFault>;
    try {
      r = await it.next();
    } catch (e) {
      return fail(e);
    }
    if (r.done) return null;
    if (r.value instanceof CsvFault) return fail(r.value.error);
    line++;
    for (let i = 0; i < r.value.length; i++) {
      const c = r.value[i];
      if (c.includes('\n') || c.includes('\r')) return fail(spansLines(line, i, c));
    }
    return r.value;
  };

  let record: string[] | null;
  while ((record = await next()) && isBlank(record));
  if (!record) throw new ImportFileError('The file is empty');
  const headerLine = line;
  let header: string[];
  try {
    header = checkHeader(record, headerLine);
  } catch (e) {
    file.close();
    throw e;
  }
  return {
    size: file.size,
    bytesRead: file.bytesRead,
    header,
    headerLine,
    rows: () => rows(next, () => line, header, file),
    close: file.close,
  };
}

async function* rows(
  next: () => Promise<string[] | null>,
  lineOf: () => number,
  header: string[],
  file: CsvFile,
): AsyncGenerator<CsvRow> {
  const width = header.length;
  let blankFrom = 0; // first line of a run of empty rows, kept until a data row shows they were inside the data
  let record: string[] | null;
  try {
    while ((record = await next())) {
      const line = lineOf();
      if (isBlank(record)) {
        if (!blankFrom) blankFrom = line;
        continue;
      }
      for (; blankFrom && blankFrom < line; blankFrom++) yield { line: blankFrom, cells: [], fault: 'empty row' };
      blankFrom = 0;
      yield { line, cells: record, fault: raggedFault(record, header, width, file.delimiter) };
    }
  } finally {
    file.close();
  }
}

function raggedFault(record: string[], header: string[], width: number, delimiter: string): string | null {
  if (record.length === width) return null;
  const sep = DELIMITER_NAMES[delimiter];
  if (record.length < width) {
    const missing =
      record.length === width - 1
        ? `${columnName(width - 1, header)} is missing`
        : `${columnName(record.length, header)} to ${columnName(width - 1, header)} are missing`;
    return `${record.length} values for ${width} columns: ${missing} (an empty cell is still written, with its ${sep})`;
  }
  let last = record.length - 1;
  while (last >= width && !record[last].trim()) last--; // Excel's trailing empty cells
  if (last < width) return null;
  const at = width + record.slice(width).findIndex((c) => c.trim());
  return (
    `${last + 1} values for ${width} columns: "${record[at].trim().slice(0, 40)}" in ${columnName(at)} is under ` +
    `no header (a ${sep} inside a cell needs quotes around the cell)`
  );
}

/** The header without trailing empty cells; refuses an empty or repeated column name. */
function checkHeader(record: string[], line: number): string[] {
  let width = record.length;
  while (width > 0 && !record[width - 1].trim()) width--;
  const header = record.slice(0, width);
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    if (!h.trim()) {
      throw new ImportFileError(
        `Line ${line} (the header): ${columnName(i)} has no name: name it, or delete the column if it is empty`,
      );
    }
    const first = seen.get(foldHeader(h));
    if (first !== undefined) {
      throw new ImportFileError(
        `Line ${line} (the header): ${columnName(first, header)} and ${columnName(i, header)} have the same name; ` +
          'one of them would be lost: rename or delete one',
      );
    }
    seen.set(foldHeader(h), i);
  });
  return header;
}

function spansLines(line: number, column: number, cell: string): ImportFileError {
  const extra = cell.split(/\r\n|\r|\n/).length - 1;
  return new ImportFileError(
    `Line ${line}: a quoted cell in ${columnName(column)} runs over ${extra + 1} lines (to line ${line + extra}), ` +
      'so rows would be merged: a quote (") is probably missing or extra. Cells may not contain line breaks: ' +
      'fix the quotes and upload again',
  );
}

/** Words for csv-parse's errors; `line` is where the failing record starts. */
export function describeCsvError(e: unknown, line: number, maxRecordSize = 64 * 1024): string {
  if (e instanceof ImportFileError) return e.message;
  const err = e as { code?: string; lines?: number; message?: string };
  const kb = Math.round(maxRecordSize / 1024);
  if (err.code === 'CSV_QUOTE_NOT_CLOSED' || (err.code === 'CSV_MAX_RECORD_SIZE' && (err.lines ?? line) > line)) {
    return (
      `Line ${line}: a quote (") opens a cell that is not closed${err.code === 'CSV_QUOTE_NOT_CLOSED' ? ' before the end of the file' : ` within ${kb} KB`}, ` +
      'so the rows after it would be read as one cell: fix the quotes and upload again'
    );
  }
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return `Line ${line} is too long (a row over ${kb} KB): this does not look like a list of people`;
  }
  if (err.code?.startsWith('CSV_')) return `Line ${line}: not a readable CSV: ${err.message}`;
  return err.message ?? String(e);
}
