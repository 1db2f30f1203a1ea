import { parse, Parser } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform, TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';

/** A problem with the file as a whole: the import fails with this message and stores nothing. */
export class ImportFileError extends Error {}

const SAVE_AS = 'in Excel choose "Save as" → "CSV UTF-8 (Comma delimited)" and upload again';
const SNIFF_BYTES = 64 * 1024;

/** Fails on the first byte sequence that is not UTF-8 (anywhere in the file), passing bytes through untouched. */
class Utf8Guard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      return cb(new ImportFileError(`The file is not UTF-8 (invalid bytes after byte ${this.offset}): ${SAVE_AS}`));
    }
    this.offset += chunk.length;
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    try {
      this.decoder.decode();
      cb();
    } catch {
      cb(new ImportFileError(`The file is not UTF-8 (it ends in the middle of a character): ${SAVE_AS}`));
    }
  }
}

/** Counts bytes read, for progress (bytes read / file size). */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    cb(null, chunk);
  }
}

export interface CsvFile {
  size: number;
  delimiter: string;
  /** Bytes of the file read so far. */
  bytesRead(): number;
  /** Records (string arrays), blank lines included (so line numbers can be counted: see LineCounter). */
  records: Parser;
}

function pickDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/**
 * Opens an uploaded CSV as a stream of records, after checking what kind of file it is: empty, an Excel workbook,
 * UTF-16 (decoded, with a BOM), UTF-8 (validated as it streams). The delimiter (",", ";" or tab) is taken from the
 * header line. Records longer than `maxRecordSize` fail the import (csv-parse `max_record_size`).
 */
export async function openCsvFile(path: string, maxRecordSize = 64 * 1024): Promise<CsvFile> {
  const { size } = await stat(path);
  if (size === 0) throw new ImportFileError('The file is empty');
  const fh = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new ImportFileError(`This is an Excel workbook (.xlsx), not a CSV file: ${SAVE_AS}`);
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new ImportFileError(`This is an old Excel workbook (.xls), not a CSV file: ${SAVE_AS}`);
  }
  let utf16: 'utf16le' | 'utf16be' | null = null;
  if (head[0] === 0xff && head[1] === 0xfe) utf16 = 'utf16le';
  else if (head[0] === 0xfe && head[1] === 0xff) utf16 = 'utf16be';
  else if (head.includes(0)) {
    throw new ImportFileError(`The file contains NUL bytes: it is not a text CSV (UTF-16 without a BOM?): ${SAVE_AS}`);
  }
  const headText = utf16 ? iconv.decode(head, utf16) : head.toString('utf8');
  const firstLine = headText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  if (!firstLine.trim() && size <= SNIFF_BYTES && !headText.trim()) throw new ImportFileError('The file is empty');
  const delimiter = pickDelimiter(firstLine);

  const counter = new ByteCounter();
  let source: Readable = createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(counter);
  source = utf16 ? (source.pipe(iconv.decodeStream(utf16)) as unknown as Readable) : source.pipe(new Utf8Guard());
  // No `info: true` (it costs ~60% of the parse) and no skip_empty_lines: LineCounter numbers the lines instead.
  const records = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: maxRecordSize,
  });
  // Errors of the decoding stages surface through the parser, so one `for await` sees every failure.
  source.on('error', (e) => records.destroy(e));
  counter.on('error', (e) => records.destroy(e));
  source.pipe(records);
  return { size, delimiter, bytesRead: () => counter.bytes, records };
}

/**
 * Numbers records by the line they start on: each record takes one line plus the line breaks inside its quoted
 * fields (blank lines reach us as [''] records, so they are counted too).
 */
export class LineCounter {
  private next = 1;

  take(record: string[]): number {
    const line = this.next;
    let breaks = 0;
    for (const f of record) if (f.length > 1 && f.includes('\n')) breaks += f.split('\n').length - 1;
    this.next += 1 + breaks;
    return line;
  }
}

/** True for a blank line or Excel's trailing ",,,," rows. */
export function isBlankRecord(record: string[]): boolean {
  for (const c of record) if (c.trim()) return false;
  return true;
}

/** Words for csv-parse's errors, with the line. */
export function describeCsvError(e: unknown): string {
  const err = e as { code?: string; lines?: number; message?: string };
  if (e instanceof ImportFileError) return e.message;
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return `Line ${err.lines ?? '?'} is too long (a row over 64 KB): this does not look like a subscriber list`;
  }
  if (err.code?.startsWith('CSV_'))
    return `The file is not a readable CSV near line ${err.lines ?? '?'}: ${err.message}`;
  return err.message ?? String(e);
}
