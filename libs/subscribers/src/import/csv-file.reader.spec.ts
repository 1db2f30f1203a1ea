import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBlankRecord, LineCounter, openCsvFile } from './csv-file.reader';

const dir = mkdtempSync(join(tmpdir(), 'loa-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(content: string | Buffer): Promise<[number, string[]][]> {
  const path = join(dir, `f${Math.random()}.csv`);
  writeFileSync(path, content);
  const file = await openCsvFile(path);
  const lines = new LineCounter();
  const out: [number, string[]][] = [];
  for await (const r of file.records as AsyncIterable<string[]>) {
    const line = lines.take(r);
    if (!isBlankRecord(r)) out.push([line, r]);
  }
  return out;
}

describe('openCsvFile + LineCounter', () => {
  const cases: [string, string | Buffer, [number, string[]][]][] = [
    [
      'LF',
      'a,b\n1,2\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CRLF and a BOM',
      '\uFEFFa,b\r\n1,2\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'blank lines and ",," rows',
      'a,b\n\n1,2\n,\n\n3,4',
      [
        [1, ['a', 'b']],
        [3, ['1', '2']],
        [6, ['3', '4']],
      ],
    ],
    [
      'a quoted field over two lines',
      'a,b\n"x\ny",2\n3,4\n',
      [
        [1, ['a', 'b']],
        [2, ['x\ny', '2']],
        [4, ['3', '4']],
      ],
    ],
    [
      'semicolons',
      'a;b\n1;2,5\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2,5']],
      ],
    ],
    [
      'tabs',
      'a\tb\n1\t2\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'UTF-16 LE with BOM',
      Buffer.from('\uFEFFsđt\n0912\n', 'utf16le'),
      [
        [1, ['sđt']],
        [2, ['0912']],
      ],
    ],
  ];
  it.each(cases)('%s', async (_what, content, expected) => {
    expect(await read(content)).toEqual(expected);
  });

  it.each([
    ['empty', '', /empty/],
    ['xlsx', Buffer.from('PK\x03\x04zzzz', 'latin1'), /Excel workbook/],
    ['UTF-16 without BOM', Buffer.from('ab\n', 'utf16le'), /NUL bytes/],
  ])('refuses %s', async (_what, content, error) => {
    await expect(read(content)).rejects.toThrow(error);
  });

  it('refuses bytes that are not UTF-8, wherever they are', async () => {
    await expect(read(Buffer.concat([Buffer.from('a\n'.repeat(100_000)), Buffer.from([0xc3, 0x28])]))).rejects.toThrow(
      /not UTF-8/,
    );
  });
});
