import { parseUnitCsv, planUnitImport } from './unit-csv.plan';
import { UnitImportError } from './unit.types';

const plan = async (csv: string, existing: [string, string | null][] = []) =>
  planUnitImport(await parseUnitCsv(csv), new Map(existing)).map((r) => r.code);

const problems = async (csv: string, existing: [string, string | null][] = []): Promise<string[]> => {
  try {
    await plan(csv, existing);
  } catch (e) {
    if (e instanceof UnitImportError) return e.problems;
    throw e;
  }
  throw new Error('expected the file to be refused');
};

describe('units CSV', () => {
  it('orders parents before children whatever the order of the file, BOM tolerated', async () => {
    const order = await plan(
      '\uFEFFcode,name,level,parent_code\n12592,Xã Tân Lễ,commune,339\n339,Huyện Hưng Hà,district,34\n34,Tỉnh Thái Bình,province,\n',
    );
    expect(order).toEqual(['34', '339', '12592']);
  });

  it('accepts columns in any order and parents already stored', async () => {
    expect(await plan('parent_code,level,name,code\n339,commune,Xã Tân Lễ,12592\n', [['339', '34']])).toEqual([
      '12592',
    ]);
  });

  const refused: [string, string, [string, string | null][], RegExp][] = [
    [
      'unknown parent',
      'code,name,level,parent_code\n1,A,province,\n2,B,district,9\n',
      [],
      /line 3: unknown parent_code 9/,
    ],
    [
      'duplicate code',
      'code,name,level,parent_code\n1,A,province,\n1,B,province,\n',
      [],
      /line 3: duplicate code 1 \(first on line 2\)/,
    ],
    ['cycle in the file', 'code,name,level,parent_code\n1,A,x,2\n2,B,x,3\n3,C,x,1\n', [], /cycle/],
    ['cycle through a stored unit', 'code,name,level,parent_code\n1,A,x,9\n', [['9', '1']], /cycle|own/],
    ['own parent', 'code,name,level,parent_code\n1,A,x,1\n', [], /line 2: unit 1 is its own parent/],
    ['empty name', 'code,name,level,parent_code\n1,,x,\n', [], /line 2: name is empty/],
    ['missing column', 'code,name\n1,A\n', [], /missing column\(s\) level; found: code, name/],
    ['empty file', '', [], /empty/],
    ['an empty row inside the data', 'code,name,level,parent_code\n1,A,x,\n\n2,B,x,1\n', [], /^line 3: empty row$/],
    ['a row with an extra value', 'code,name,level,parent_code\n1,A,x,,y\n', [], /line 2: 5 values for 4 columns/],
    ['a row with a missing value', 'code,name,level,parent_code\n1,A,x\n', [], /line 2: 3 values for 4 columns/],
    ['a repeated column', 'code,name,level,code\n1,A,x,1\n', [], /column A \("code"\) and column D \("code"\)/],
    ['an unbalanced quote', 'code,name,level,parent_code\n1,"A,x,\n2,B,x,1\n', [], /Line 2: a quote/],
  ];
  it.each(refused)('refuses %s', async (_what, csv, existing, reason) => {
    expect((await problems(csv, existing)).join('\n')).toMatch(reason);
  });

  it('keeps empty rows at the end of the file out of the data', async () => {
    expect(await plan('code,name,level,parent_code\n1,A,x,\n\n,,,\n')).toEqual(['1']);
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    await expect(parseUnitCsv(Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe0, 0x20, 0x0a]))).rejects.toThrow(
      /not UTF-8: line 2, character 1/,
    );
  });
});
