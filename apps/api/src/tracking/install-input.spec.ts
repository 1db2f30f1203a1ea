import { installsFromCsv } from './install-input';

describe('installsFromCsv', () => {
  it('reads phone and installed_at by header', async () => {
    expect(await installsFromCsv(Buffer.from('sdt,installed_at\n0912000001,\n0912000002,01/06/2021 08:30\n'))).toEqual([
      { phone: '0912000001' },
      { phone: '0912000002', installedAt: new Date('2021-06-01T01:30:00Z') },
    ]);
  });

  it.each([
    ['not UTF-8', Buffer.from('phone\n0912\xff\n', 'latin1'), /not UTF-8: line 2, character 5/],
    ['an empty row inside the data', Buffer.from('phone\n0912000001\n\n0912000002\n'), /line 3: empty row/],
    ['a ragged row', Buffer.from('phone,installed_at\n0912000001,2021-06-01,x\n'), /line 2: 3 values for 2 columns/],
    ['an unbalanced quote', Buffer.from('phone\n"0912000001\n0912000002\n'), /Line 2: a quote/],
    ['a gzip file', Buffer.from([0x1f, 0x8b, 0x08, 0x00]), /gzip-compressed file/],
    ['a bad date', Buffer.from('phone,installed_at\n0912000001,yesterday\n'), /line 2: installed_at "yesterday"/],
  ])('refuses %s naming the line (400)', async (_what, csv, error) => {
    await expect(installsFromCsv(csv)).rejects.toThrow(error);
  });
});
