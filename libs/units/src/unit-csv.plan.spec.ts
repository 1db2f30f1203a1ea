import { parseUnitCsv, planUnitImport } from './unit-csv.plan';
import { UnitImportError } from './unit.types';

const plan = (csv: string, existing: [string, string | null][] = []) =>
  planUnitImport(parseUnitCsv(csv), new Map(existing)).map((r) => r.code);

const problems = (csv: string, existing: [string, string | null][] = []): string[] => {
  try {
    plan(csv, existing);
  } catch (e) {
    if (e instanceof UnitImportError) return e.problems;
    throw e;
  }
  throw new Error('expected the file to be refused');
};

describe('units CSV', () => {
  it('orders parents before children whatever the order of the file, BOM tolerated', () => {
    const order = plan(
      '\uFEFFcode,name,level,parent_code\n12592,Xã Tân Lễ,commune,339\n339,Huyện Hưng Hà,district,34\n34,Tỉnh Thái Bình,province,\n',
    );
    expect(order).toEqual(['34', '339', '12592']);
  });

  it('accepts columns in any order and parents already stored', () => {
    expect(plan('parent_code,level,name,code\n339,commune,Xã Tân Lễ,12592\n', [['339', '34']])).toEqual(['12592']);
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
  ];
  it.each(refused)('refuses %s', (_what, csv, existing, reason) => {
    expect(problems(csv, existing).join('\n')).toMatch(reason);
  });

  it('refuses a file that is not UTF-8', () => {
    expect(() => parseUnitCsv(Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe0, 0x20, 0x0a]))).toThrow(/not UTF-8/);
  });
});
