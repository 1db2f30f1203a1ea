import { createReadStream } from 'node:fs';

/** A problem with the file as a whole: the import fails with this message and stores nothing. */
export class ImportFileError extends Error {}

export const SAVE_AS = 'in Excel choose "Save as" → "CSV UTF-8 (Comma delimited)" and upload again';

/** The bytes of an upload: a file on disk, or a buffer. */
export type CsvSource = string | Buffer;

const SIGNATURES: [number[], string][] = [
  [[0x1f, 0x8b], 'a gzip-compressed file (.gz): unpack it and upload the CSV inside'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty ZIP archive'],
  [[0x42, 0x5a, 0x68], 'a bzip2-compressed file (.bz2): unpack it and upload the CSV inside'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz-compressed file (.xz): unpack it and upload the CSV inside'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive (.7z): unpack it and upload the CSV inside'],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 'a RAR archive (.rar): unpack it and upload the CSV inside'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], `an old Excel workbook (.xls): ${SAVE_AS}`],
];

/**
 * Throws when the first bytes show the file is not text: a workbook, an archive or a compressed file (by their
 * signature), UTF-16 without a byte-order mark, or NUL bytes. `head` is the start of the file; UTF-16 with a BOM
 * passes (it is decoded).
 */
export function refuseBinary(head: Buffer): void {
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04])) {
    // An .xlsx is a ZIP whose first entry is "[Content_Types].xml" or under "xl/".
    const latin = head.toString('latin1');
    const what = /\[Content_Types\]\.xml|xl\//.test(latin)
      ? `an Excel workbook (.xlsx): ${SAVE_AS}`
      : 'a ZIP archive (or an Excel workbook): unpack it and upload the CSV inside, or save the workbook as CSV UTF-8';
    throw new ImportFileError(`This is ${what}; it is not a CSV file`);
  }
  for (const [sig, what] of SIGNATURES)
    if (starts(sig)) throw new ImportFileError(`This is ${what}; it is not a CSV file`);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return;
  const nul = head.indexOf(0);
  if (nul < 0) return;
  // Text in UTF-16 without a BOM: every other byte of ASCII text is 0.
  if (head.length >= 4 && ((head[1] === 0 && head[3] === 0) || (head[0] === 0 && head[2] === 0))) {
    throw new ImportFileError(
      `The file is UTF-16 text without a byte-order mark, which cannot be read safely: ${SAVE_AS}`,
    );
  }
  throw nulError(lineAt(head, nul), nul);
}

export function nulError(line: number, offset: number): ImportFileError {
  return new ImportFileError(
    `Line ${line} contains a NUL byte (byte ${offset + 1} of the file): this is not a text CSV file (binary data?): ${SAVE_AS}`,
  );
}

/** Line (1-based) of byte `offset` in `buf`. */
function lineAt(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(10); i >= 0 && i < offset; i = buf.indexOf(10, i + 1)) line++;
  return line;
}

/**
 * Index of the first byte in `b` (from `from`, a character boundary) that is not valid UTF-8, by the rules of a
 * fatal TextDecoder (no overlongs, no surrogates, nothing past U+10FFFF); a sequence cut by the end of `b` counts
 * only when `final`. -1 when all is valid.
 */
export function invalidUtf8At(b: Uint8Array, from: number, final: boolean): number {
  let i = from;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return final ? i : -1;
      const d = b[i + k];
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/**
 * Where byte `offset` of the source is, as staff see it in an editor: its line, and its character on that line
 * (1-based; the bytes before it are valid UTF-8). Reads the source again up to `offset`: only on an error.
 */
export async function locate(source: CsvSource, offset: number): Promise<{ line: number; column: number }> {
  let line = 1;
  let chars = 0; // characters since the last line break: bytes that are not UTF-8 continuation bytes
  let bom = false;
  const take = (chunk: Buffer) => {
    if (line === 1 && chars === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) bom = true;
    let from = 0;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
      line++;
      from = i + 1;
      chars = 0;
      bom = false;
    }
    for (let i = from; i < chunk.length; i++) if ((chunk[i] & 0xc0) !== 0x80) chars++;
  };
  if (Buffer.isBuffer(source)) take(source.subarray(0, offset));
  else if (offset > 0) for await (const c of createReadStream(source, { end: offset - 1 })) take(c as Buffer);
  return { line, column: chars + 1 - (bom ? 1 : 0) };
}

/** The message for the first invalid UTF-8 byte at `offset` (`cut`: the file ends inside a character). */
export async function utf8Error(source: CsvSource, offset: number, bytes: Uint8Array, cut: boolean) {
  const { line, column } = await locate(source, offset);
  const hex = [...bytes].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  const what = cut ? 'the file ends in the middle of a character' : `byte ${hex} is not UTF-8`;
  return new ImportFileError(
    `The file is not UTF-8: line ${line}, character ${column} (byte ${offset + 1} of the file): ${what}. ` +
      `It was probably saved in another encoding: ${SAVE_AS}`,
  );
}
