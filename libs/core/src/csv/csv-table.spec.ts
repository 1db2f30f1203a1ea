import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCsvTable } from './csv-table';

type Row = [line: number, cellsOrFault: string[] | string];

async function read(content: string | Buffer): Promise<{ header: string[]; headerLine: number; rows: Row[] }> {
  const file = await openCsvTable(Buffer.isBuffer(content) ? content : Buffer.from(content));
  const rows: Row[] = [];
  for await (const r of file.rows()) rows.push([r.line, r.fault ?? r.cells]);
  return { header: file.header, headerLine: file.headerLine, rows };
}
const strip = async (content: string | Buffer) => (await read(content)).rows;

describe('openCsvTable: sound files', () => {
  const cases: [string, string | Buffer, string[], (number | string | string[])[][]][] = [
    ['LF', 'a,b\n1,2\n', ['a', 'b'], [[2, ['1', '2']]]],
    ['CRLF and a BOM', '\uFEFFa,b\r\n1,2\r\n', ['a', 'b'], [[2, ['1', '2']]]],
    ['no final line break', 'a,b\n1,2', ['a', 'b'], [[2, ['1', '2']]]],
    ['semicolons', 'a;b\n1;2,5\n', ['a', 'b'], [[2, ['1', '2,5']]]],
    ['tabs', 'a\tb\n1\t2\n', ['a', 'b'], [[2, ['1', '2']]]],
    ['quoted cells', 'a,b\n"1,5","say ""hi"""\n', ['a', 'b'], [[2, ['1,5', 'say "hi"']]]],
    ['a quote inside an unquoted cell, kept', 'a,b\n1,Nguyễn "Tí"\n', ['a', 'b'], [[2, ['1', 'Nguyễn "Tí"']]]],
    ['blank lines before the header', '\n\na\n1\n', ['a'], [[4, ['1']]]],
    ['empty rows at the end are not rows', 'a,b\n1,2\n\n,\n  \n', ['a', 'b'], [[2, ['1', '2']]]],
    [
      "Excel's trailing empty header cells and cells",
      'a,b,,\n1,2,,\n3,4\n',
      ['a', 'b'],
      [
        [2, ['1', '2', '', '']],
        [3, ['3', '4']],
      ],
    ],
    ['UTF-16 LE with a BOM', Buffer.from('\uFEFFsđt\n0912\n', 'utf16le'), ['sđt'], [[2, ['0912']]]],
    ['UTF-16 BE with a BOM', Buffer.from([0xfe, 0xff, 0, 0x61, 0, 0x0a, 0, 0x31, 0, 0x0a]), ['a'], [[2, ['1']]]],
  ];
  it.each(cases)('%s', async (_what, content, header, rows) => {
    const t = await read(content);
    expect(t.header).toEqual(header);
    expect(await strip(content)).toEqual(rows);
  });
});

describe('openCsvTable: row faults are rows, with the reason', () => {
  const cases: [string, string, (number | string | string[])[][]][] = [
    [
      'empty rows between data rows (a one-column file with blank phones)',
      'sdt\n0912\n\n0913\n,\n0914\n',
      [
        [2, ['0912']],
        [3, 'empty row'],
        [4, ['0913']],
        [5, 'empty row'],
        [6, ['0914']],
      ],
    ],
    [
      'a row with an extra value',
      'sdt,name\n0912,Nguyễn,Văn A\n',
      [
        [
          2,
          '3 values for 2 columns: "Văn A" in column C is under no header (a "," inside a cell needs quotes around the cell)',
        ],
      ],
    ],
    [
      'a row with an extra value after empty ones',
      'sdt,name\n0912,A,,x\n',
      [
        [
          2,
          '4 values for 2 columns: "x" in column D is under no header (a "," inside a cell needs quotes around the cell)',
        ],
      ],
    ],
    [
      'a row with a missing value',
      'sdt,name,tags\n0912,A\n',
      [[2, '2 values for 3 columns: column C ("tags") is missing (an empty cell is still written, with its ",")']],
    ],
  ];
  it.each(cases)('%s', async (_what, content, rows) => {
    expect(await strip(content)).toEqual(rows);
  });
});

describe('openCsvTable: structural faults refuse the file, naming the line', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty', '', /The file is empty/],
    ['only blank lines', '\n \n,,\n', /The file is empty/],
    [
      'an unbalanced quote swallowing the next rows',
      'sdt,name\n0912,"Nguyễn A\n0913,B\n0914,"C\n0915,D\n',
      /^Line 2: a quoted cell in column B runs over 3 lines \(to line 4\)/,
    ],
    ['a quoted cell over two lines', 'a,b\n"x\ny",2\n', /^Line 2: a quoted cell in column A runs over 2 lines/],
    [
      'a quote never closed',
      'sdt,name\n0912,A\n0913,"B\n0914,C\n',
      /^Line 3: a quote \(\"\) opens a cell that is not closed before the end/,
    ],
    [
      'a quote never closed within 64 KB',
      `sdt,name\n0912,"B\n${'0913,C\n'.repeat(10_000)}`,
      /^Line 2: a quote .* not closed within 64 KB/,
    ],
    ['a huge line', `sdt,note\n0912,${'x'.repeat(70_000)}\n`, /^Line 2 is too long \(a row over 64 KB\)/],
    [
      'a repeated header',
      'sdt,name,SĐT\n',
      /^Line 1 \(the header\): column A \("sdt"\) and column C \("SĐT"\) have the same name/,
    ],
    ['an empty header cell', 'sdt,,name\n', /^Line 1 \(the header\): column B has no name/],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]), /gzip-compressed file/],
    ['a ZIP archive', Buffer.from('PK\x03\x04rest-of-zip', 'latin1'), /ZIP archive/],
    ['an xlsx', Buffer.from('PK\x03\x04\x14\x00[Content_Types].xml', 'latin1'), /Excel workbook \(\.xlsx\)/],
    ['an xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), /old Excel workbook \(\.xls\)/],
    ['a PDF', Buffer.from('%PDF-1.4\n'), /PDF document/],
    ['UTF-16 without a BOM', Buffer.from('sdt\n0912\n', 'utf16le'), /UTF-16 text without a byte-order mark/],
    [
      'a NUL byte',
      Buffer.from('sdt\n0912\n09\x0013\n', 'latin1'),
      /^Line 3 contains a NUL byte \(byte 12 of the file\)/,
    ],
    [
      'a NUL byte past the first 64 KB',
      Buffer.concat([Buffer.from('sdt\n' + '0912345678\n'.repeat(10_000)), Buffer.from([0x30, 0, 0x0a])]),
      /^Line 10002 contains a NUL byte \(byte 110006 of the file\)/,
    ],
    ['a NUL in UTF-16', Buffer.from('\uFEFFsdt\n09\u000012\n', 'utf16le'), /^Line 2 contains a NUL character/],
    [
      'Windows-1258 bytes',
      Buffer.from('sdt,ho ten\n0912000111,Nguy\xean\n', 'latin1'),
      /^The file is not UTF-8: line 2, character 16 \(byte 27 of the file\): byte 0xEA is not UTF-8/,
    ],
    [
      'an invalid byte after accented text on its line',
      Buffer.from([...Buffer.from('sdt,tên\n0912,Hà'), 0xff, 0x0a]),
      /^The file is not UTF-8: line 2, character 8 \(byte 18 of the file\): byte 0xFF/,
    ],
    [
      'an invalid byte deep in a big file, across read chunks',
      Buffer.concat([Buffer.from('sdt\n' + 'ỹ\n'.repeat(200_000)), Buffer.from([0xc3, 0x28, 0x0a])]),
      /^The file is not UTF-8: line 200002, character 1 \(byte 800005 of the file\): byte 0xC3/,
    ],
    [
      'a cut character at the end',
      Buffer.from([0x61, 0x0a, 0x62, 0xe1, 0xbb]),
      /line 2, character 2 \(byte 4 of the file\): the file ends in the middle of a character/,
    ],
  ];
  it.each(cases)('%s', async (_what, content, error) => {
    await expect(read(content)).rejects.toThrow(error);
  });
});

describe('openCsvTable: a file on disk, read in 256 KB chunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loa-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const onDisk = (content: Buffer) => {
    const path = join(dir, `f${Math.random()}.csv`);
    writeFileSync(path, content);
    return path;
  };
  const CHUNK = 256 * 1024;
  const readAll = async (path: string) => {
    for await (const r of (await openCsvTable(path)).rows()) void r;
  };

  it('reads a character cut by the chunk boundary', async () => {
    const path = onDisk(Buffer.from('a\n' + 'ỹ\n'.repeat(70_000))); // "ỹ" (3 bytes) at 262142 spans the boundary
    const file = await openCsvTable(path);
    let n = 0;
    for await (const r of file.rows()) if (r.cells[0] === 'ỹ') n++;
    expect(n).toBe(70_000);
  });

  it('names the line and byte of an invalid sequence that starts before the boundary', async () => {
    const lines = Buffer.from('a\n' + '0123456789\n'.repeat(Math.floor((CHUNK - 4) / 11)));
    const pad = Buffer.alloc(CHUNK - 2 - lines.length, 0x61);
    const path = onDisk(Buffer.concat([lines, pad, Buffer.from([0xe1, 0xbb, 0x28, 0x0a])]));
    const line = 2 + Math.floor((CHUNK - 4) / 11);
    await expect(readAll(path)).rejects.toThrow(
      `line ${line}, character ${pad.length + 1} (byte ${CHUNK - 1} of the file): byte 0xE1 is not UTF-8`,
    );
  });
});
