import { Parser } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform, TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { CsvSource, ImportFileError, invalidUtf8At, locate, nulError, refuseBinary, utf8Error } from './csv-bytes';

const SNIFF_BYTES = 64 * 1024;

/**
 * Fails on the first NUL byte or byte sequence that is not UTF-8 (anywhere in the file), naming its line and
 * character; bytes pass through untouched. The exact place is worked out only once something is wrong.
 */
class Utf8Guard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;
  /** The last bytes of the previous chunk: a character cut by the chunk boundary starts there. */
  private tail: Buffer = Buffer.alloc(0);

  constructor(private readonly source: CsvSource) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const nul = chunk.indexOf(0);
    let valid = true;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      valid = false;
    }
    if (nul < 0 && valid) {
      this.offset += chunk.length;
      this.tail = chunk.subarray(Math.max(0, chunk.length - 3));
      return cb(null, chunk);
    }
    const bad = valid ? -1 : this.firstInvalid(chunk, false);
    if (nul >= 0 && (bad < 0 || this.offset + nul < bad)) {
      const at = this.offset + nul;
      void locate(this.source, at).then(
        ({ line }) => cb(nulError(line, at)),
        (e: Error) => cb(e),
      );
      return;
    }
    this.fail(bad, Buffer.concat([this.tail, chunk]).subarray(bad - this.offset + this.tail.length), false, cb);
  }

  override _flush(cb: TransformCallback): void {
    try {
      this.decoder.decode();
      cb();
    } catch {
      const bad = this.firstInvalid(Buffer.alloc(0), true);
      this.fail(bad, this.tail.subarray(bad - this.offset + this.tail.length), true, cb);
    }
  }

  /** File offset of the first invalid byte in tail + chunk (the decoder said there is one). */
  private firstInvalid(chunk: Buffer, final: boolean): number {
    const both = Buffer.concat([this.tail, chunk]);
    let from = 0;
    while (from < this.tail.length && (both[from] & 0xc0) === 0x80) from++; // start on a character boundary
    const i = invalidUtf8At(both, from, final);
    return this.offset - this.tail.length + (i < 0 ? from : i);
  }

  private fail(offset: number, rest: Buffer, cut: boolean, cb: TransformCallback): void {
    void utf8Error(this.source, offset, rest.subarray(0, cut ? rest.length : 1), cut).then(cb, cb);
  }
}

/** Fails on a NUL character of a decoded UTF-16 file, naming its line. */
class NulGuard extends Transform {
  private line = 1;
  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }
  override _transform(chunk: string, _enc: BufferEncoding, cb: TransformCallback): void {
    const nul = chunk.indexOf('\0');
    const upTo = nul < 0 ? chunk : chunk.slice(0, nul);
    for (let i = upTo.indexOf('\n'); i >= 0; i = upTo.indexOf('\n', i + 1)) this.line++;
    if (nul >= 0)
      return cb(new ImportFileError(`Line ${this.line} contains a NUL character: this is not a text CSV file`));
    cb(null, chunk);
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

/**
 * A csv-parse error, delivered in order after the records before it: a stream that fails drops the records still
 * buffered, and with them the count that tells which line the error is on.
 */
export class CsvFault {
  constructor(readonly error: unknown) {}
}

class OrderedParser extends Parser {
  override _transform(buf: Buffer, enc: BufferEncoding, cb: TransformCallback): void {
    super._transform(buf, enc, this.inBand(cb));
  }
  override _flush(cb: TransformCallback): void {
    super._flush(this.inBand(cb));
  }
  private inBand(cb: TransformCallback): TransformCallback {
    return (err) => {
      if (err) {
        this.push(new CsvFault(err));
        this.push(null);
      }
      cb();
    };
  }
}

export interface CsvFile {
  size: number;
  delimiter: string;
  /** Bytes of the file read so far. */
  bytesRead(): number;
  /** Records (string arrays), blank lines included (so line numbers can be counted), then a CsvFault if any. */
  records: Parser;
  /** Stops reading (closes the file). */
  close(): void;
}

function pickDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

async function readHead(source: CsvSource): Promise<{ size: number; head: Buffer }> {
  if (Buffer.isBuffer(source)) return { size: source.length, head: source.subarray(0, SNIFF_BYTES) };
  const { size } = await stat(source);
  const fh = await open(source, 'r');
  const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  return { size, head };
}

/**
 * Opens an uploaded CSV (a path or a buffer) as a stream of records, after checking what kind of file it is:
 * empty, a workbook, an archive or compressed file, UTF-16 (decoded when it has a BOM), UTF-8 (validated as it
 * streams, NUL bytes refused). The delimiter (",", ";" or tab) is taken from the header line. Records longer than
 * `maxRecordSize` fail (csv-parse `max_record_size`). Use it through `openCsvTable`, which applies the strict rules.
 */
export async function openCsvFile(source: CsvSource, maxRecordSize = 64 * 1024): Promise<CsvFile> {
  const { size, head } = await readHead(source);
  if (size === 0) throw new ImportFileError('The file is empty');
  refuseBinary(head);
  let utf16: 'utf16le' | 'utf16be' | null = null;
  if (head[0] === 0xff && head[1] === 0xfe) utf16 = 'utf16le';
  else if (head[0] === 0xfe && head[1] === 0xff) utf16 = 'utf16be';
  const headText = utf16 ? iconv.decode(head, utf16) : head.toString('utf8');
  const firstLine = headText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const delimiter = pickDelimiter(firstLine);

  const counter = new ByteCounter();
  const raw = Buffer.isBuffer(source)
    ? Readable.from([source])
    : createReadStream(source, { highWaterMark: 256 * 1024 });
  let stream: Readable = raw.pipe(counter);
  stream = utf16
    ? (stream.pipe(iconv.decodeStream(utf16)) as unknown as Readable).pipe(new NulGuard())
    : stream.pipe(new Utf8Guard(source));
  // No `info: true` (it costs ~60% of the parse) and no skip_empty_lines: openCsvTable numbers the lines instead.
  // relax_quotes keeps a quote inside an unquoted cell as written (harmless); a quoted cell that spans lines is
  // refused by openCsvTable, so no row can swallow the next ones.
  const records = new OrderedParser({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: maxRecordSize,
  });
  // Errors of the decoding stages surface through the parser, so one `for await` sees every failure.
  for (const s of [raw, counter, stream]) s.on('error', (e: Error) => records.destroy(e));
  stream.pipe(records);
  const close = () => {
    for (const s of [raw, counter, stream, records]) s.destroy();
  };
  return { size, delimiter, bytesRead: () => counter.bytes, records, close };
}
