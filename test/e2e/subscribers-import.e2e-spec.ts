import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, startApi, waitFor } from '@loa/testing';
import { SubscriberImportService } from '@loa/subscribers';
import { demoUnitsCsvPath } from '@loa/units';

const FIXTURE = readFileSync(join(__dirname, '..', 'fixtures', 'subscribers-every-shape.csv'));

/** What the fixture must store: canonical phone → carrier, unit code, and (some) names and tags. */
const STORED: [string, string, string][] = [
  ['84912345678', 'vinaphone', '12592'],
  ['84987654321', 'viettel', '339'],
  ['84901234567', 'mobifone', '339'],
  ['84352223333', 'viettel', '339'],
  ['84703334444', 'mobifone', '339'],
  ['84925556666', 'vietnamobile', '339'],
  ['84997778888', 'gmobile', '339'],
  ['84871112222', 'itel', '339'],
  ['84812345678', 'vinaphone', '339'],
  ['84562223344', 'vietnamobile', '339'],
  ['84593334455', 'gmobile', '339'],
  ['84389123456', 'viettel', '339'],
  ['84794445555', 'mobifone', '339'],
  ['84815556666', 'vinaphone', '339'],
  ['84587778888', 'vietnamobile', '339'],
  ['84593334444', 'gmobile', '339'],
  ['84399000111', 'viettel', '339'],
  ['84913000002', 'vinaphone', '339'],
  ['84913000003', 'vinaphone', '339'],
];

/** Rejections by line (the header is line 1), with the gist of the reason. */
const REJECTED: [number, string, RegExp][] = [
  [19, '9.12345678E+8', /scientific notation/],
  [20, '02438253456', /landline \(area code 024\)/],
  [21, '0283 822 1234', /landline \(area code 028\)/],
  [22, '+1 415 555 2671', /foreign number/],
  [23, '091234567', /too short/],
  [24, '09123456789', /too long/],
  [25, '0612345678', /unknown mobile prefix 061/],
  [26, '0912 345 678', /^duplicate of line 2$/],
  [27, '', /empty phone number/],
  [28, '0913000001', /^unknown unit code 99999$/],
];

jest.setTimeout(60_000);

describe('subscriber CSV import (e2e)', () => {
  let h: ApiHarness;
  let auth: { Authorization: string };

  const upload = (
    content: Buffer | string,
    fields: Record<string, string> = { unitCode: '339' },
    name = 'list.csv',
  ) => {
    let req = h.http().post('/api/v1/imports/subscribers?wait=true').set(auth);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  };
  const count = async () => Number((await h.sql.query('SELECT count(*) FROM subscribers')).rows[0].count);
  /** The import's own connection is still open (its transaction not yet rolled back or committed). */
  const importConnectionOpen = async () =>
    Number(
      (
        await h.sql.query(
          `SELECT count(*) FROM pg_stat_activity WHERE application_name = 'loa-import' AND datname = current_database()`,
        )
      ).rows[0].count,
    ) > 0;

  beforeAll(async () => {
    h = await startApi();
    auth = { Authorization: `Bearer ${h.adminToken}` };
    await h
      .http()
      .post('/api/v1/units/import')
      .set(auth)
      .attach('file', readFileSync(demoUnitsCsvPath()), 'units.csv')
      .expect(201);
  });
  afterAll(() => h.close());

  it('answers 202 with the import id, and the import completes in the background', async () => {
    const res = await h
      .http()
      .post('/api/v1/imports/subscribers')
      .set(auth)
      .field('unitCode', '339')
      .attach('file', Buffer.from('sdt\n0977000001\n'), 'one.csv')
      .expect(202);
    expect(res.body).toMatchObject({ id: expect.any(Number), status: 'pending' });
    const done = await waitFor('import completed', async () => {
      const v = await h.http().get(`/api/v1/imports/${res.body.id}`).set(auth).expect(200);
      return v.body.status === 'completed' ? v.body : null;
    });
    expect(done).toMatchObject({ rowsTotal: 1, rowsAccepted: 1, inserted: 1, updated: 0, progress: 1 });
    await h.sql.query(`DELETE FROM subscribers WHERE phone = '84977000001'`);
  });

  it('imports every phone shape, with carriers, units and a rejection report by line', async () => {
    const res = await upload(FIXTURE, { unitCode: '339', tags: 'import-2020-08' }).expect(200);
    expect(res.body).toMatchObject({
      status: 'completed',
      rowsTotal: 29,
      rowsAccepted: STORED.length,
      rowsRejected: REJECTED.length,
      inserted: STORED.length,
      updated: 0,
    });
    const { rows } = await h.sql.query(
      `SELECT s.phone, s.carrier, s.carrier_source, u.code, s.name, s.tags, s.attributes
         FROM subscribers s JOIN units u ON u.id = s.unit_id ORDER BY s.phone`,
    );
    expect(rows.map((r) => [r.phone, r.carrier, r.code])).toEqual([...STORED].sort((a, b) => a[0].localeCompare(b[0])));
    expect(rows.every((r) => r.carrier_source === 'prefix')).toBe(true);
    const first = rows.find((r) => r.phone === '84912345678');
    expect(first).toMatchObject({
      name: 'Nguyễn Văn A',
      tags: ['teacher', 'parent', 'import-2020-08'],
      attributes: { Thôn: 'Thôn 1' },
    });
    expect(rows.find((r) => r.phone === '84913000002').tags).toEqual(['hotel', 'staff', 'import-2020-08']);

    const rej = await h.http().get(`/api/v1/imports/${res.body.id}/rejections?limit=1000`).set(auth).expect(200);
    expect(rej.body.items.map((r: { line: number }) => r.line)).toEqual(REJECTED.map((r) => r[0]));
    for (const [line, raw, reason] of REJECTED) {
      const got = rej.body.items.find((r: { line: number }) => r.line === line);
      expect(got.reason).toMatch(reason);
      expect(got.raw.trim()).toBe(raw);
    }
    const page = await h.http().get(`/api/v1/imports/${res.body.id}/rejections?limit=3&after=20`).set(auth).expect(200);
    expect(page.body).toEqual({ items: REJECTED.slice(2, 5).map(() => expect.any(Object)), nextAfter: 23 });

    const csv = await h.http().get(`/api/v1/imports/${res.body.id}/rejections.csv`).set(auth).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('26,0912 345 678,duplicate of line 2');
    expect(csv.text.trim().split('\n')).toHaveLength(REJECTED.length + 1);
  });

  it('adds nobody when the same file is imported again', async () => {
    const before = await count();
    const res = await upload(FIXTURE, { unitCode: '339', tags: 'import-2020-08' }).expect(200);
    expect(res.body).toMatchObject({ status: 'completed', inserted: 0, updated: 0, rowsRejected: REJECTED.length });
    expect(await count()).toBe(before);
  });

  it('updates only what changed', async () => {
    const res = await upload('sdt,ho ten,unit_code\n0912345678,Nguyễn Văn Ánh,12589\n0987654321,Trần Thị B,\n').expect(
      200,
    );
    expect(res.body).toMatchObject({ inserted: 0, updated: 1 });
    const { rows } = await h.sql.query(
      `SELECT s.name, u.code FROM subscribers s JOIN units u ON u.id = s.unit_id WHERE phone = '84912345678'`,
    );
    expect(rows[0]).toEqual({ name: 'Nguyễn Văn Ánh', code: '12589' });
  });

  it('stores names of at most 30 characters, GSM-7 once unaccented; refuses the others by line, with the reason', async () => {
    const long = 'Nguyễn Thị Phương Thảo Nguyệt Ánh Hồng'; // 38 characters: would make a one-part reminder two parts
    const csv = `sdt,ho ten\n0966000201,${long}\n0966000202,Trần 王\n0966000203,  Lê\u00a0 Văn\tC \n`;
    const res = await upload(csv).expect(200);
    expect(res.body).toMatchObject({ status: 'completed', inserted: 1, rowsRejected: 2 });
    expect(new Date(res.body.finishedAt).getTime()).toBeGreaterThan(new Date(res.body.startedAt).getTime());
    const rej = await h.http().get(`/api/v1/imports/${res.body.id}/rejections`).set(auth).expect(200);
    expect(rej.body.items).toEqual([
      { line: 2, raw: '0966000201', reason: expect.stringMatching(/is 38 characters; at most 30 are kept/) },
      { line: 3, raw: '0966000202', reason: expect.stringMatching(/has 王, which an unaccented SMS cannot carry/) },
    ]);
    const { rows } = await h.sql.query(`SELECT phone, name FROM subscribers WHERE phone LIKE '8496600020%'`);
    expect(rows).toEqual([{ phone: '84966000203', name: 'Lê Văn C' }]);
    // The same rule on the API.
    const one = await h.http().post('/api/v1/subscribers').set(auth).send({ phone: '0966000204', name: long });
    expect(one.status).toBe(400);
    expect(JSON.stringify(one.body)).toMatch(/name: .*is 38 characters/);
  });

  it('reads UTF-16 with a BOM and semicolon-separated files', async () => {
    const text = '\uFEFFSĐT;Họ tên\r\n0966000111;Phạm D\r\n';
    const utf16 = Buffer.from(text, 'utf16le');
    const res = await upload(utf16).expect(200);
    expect(res.body).toMatchObject({ status: 'completed', inserted: 1 });
    const { rows } = await h.sql.query(`SELECT name FROM subscribers WHERE phone = '84966000111'`);
    expect(rows[0].name).toBe('Phạm D');
  });

  describe('imports a file with bad rows, every row accounted for', () => {
    const blanks = [
      'sdt',
      ...Array.from({ length: 2_996 }, (_, i) => (i % 749 === 5 ? '' : `09170${String(i).padStart(5, '0')}`)),
    ];
    /** File, data rows in it, and rejected lines with the gist of their reason. */
    const imported: [string, Buffer | string, number, [number, RegExp][]][] = [
      [
        'blank phones in a one-column file',
        blanks.join('\n') + '\n',
        2_996,
        [7, 756, 1505, 2254].map((l) => [l, /^empty row$/]),
      ],
      [
        'ragged rows: an extra value, a missing value',
        'sdt,ho ten,tags\n0917100001,An,a\n0917100002,Nguyễn, Văn B,b\n0917100003,Chi\n0917100004,Dũng,,\n',
        4,
        [
          [3, /^4 values for 3 columns: "b" in column D is under no header/],
          [4, /^2 values for 3 columns: column C \("tags"\) is missing/],
        ],
      ],
      [
        'a blank phone in a multi-column file, empty rows inside and after the data',
        'sdt,ho ten\n0917100005,An\n,Bình\n\n,\n0917100006,Chi\n\n,,\n',
        5,
        [
          [3, /empty phone number/],
          [4, /^empty row$/],
          [5, /^empty row$/],
        ],
      ],
      ['quotes inside unquoted cells are kept', 'sdt,ho ten\n0917100007,Lê "Tí"\n"0917100008","Trần ""Tèo"""\n', 2, []],
      ['a duplicate number', 'sdt\n0917100009\n0917 100 009\n', 2, [[3, /^duplicate of line 2$/]]],
      [
        'UTF-16 LE with a BOM and a ragged row',
        Buffer.from('\uFEFFsdt;tên\r\n0917100010;Hà\r\n0917100011;Lan;x\r\n', 'utf16le'),
        2,
        [[3, /^3 values for 2 columns/]],
      ],
    ];
    it.each(imported)('%s', async (_what, content, dataRows, rejected) => {
      const res = await upload(content).expect(200);
      expect(res.body.status).toBe('completed');
      // accepted + rejected (duplicates included) = the data rows of the file
      expect(res.body.rowsTotal).toBe(dataRows);
      expect(res.body.rowsAccepted + res.body.rowsRejected).toBe(dataRows);
      expect(res.body.rowsRejected).toBe(rejected.length);
      const rej = await h.http().get(`/api/v1/imports/${res.body.id}/rejections?limit=1000`).set(auth).expect(200);
      expect(rej.body.items.map((r: { line: number }) => r.line)).toEqual(rejected.map((r) => r[0]));
      rejected.forEach(([, reason], i) => expect(rej.body.items[i].reason).toMatch(reason));
    });

    it('stores the sound rows of a ragged file as written, never shifted', async () => {
      const { rows } = await h.sql.query(
        `SELECT phone, name, tags FROM subscribers WHERE phone IN ('84917100001', '84917100002', '84917100004', '84917100007', '84917100008') ORDER BY phone`,
      );
      expect(rows).toEqual([
        { phone: '84917100001', name: 'An', tags: ['a'] },
        { phone: '84917100004', name: 'Dũng', tags: [] },
        { phone: '84917100007', name: 'Lê "Tí"', tags: [] },
        { phone: '84917100008', name: 'Trần "Tèo"', tags: [] },
      ]);
    });
  });

  describe('refuses bad files with a clear error and changes nothing', () => {
    const bad: [string, Buffer | string, RegExp][] = [
      [
        'not UTF-8 (Windows-1258)',
        Buffer.from('sdt,ho ten\n0912000111,Nguy\xean\n', 'latin1'),
        /^The file is not UTF-8: line 2, character 16 \(byte 27 of the file\): byte 0xEA .*CSV UTF-8/,
      ],
      ['no phone column', 'ho ten,dia chi\nA,B\n', /No phone column.*found "ho ten", "dia chi"/],
      ['an empty file', '', /empty/],
      ['only blank lines', '\n\n\n', /empty/],
      ['a header without rows', 'sdt,name\n', /no rows/],
      ['a huge line', `sdt,note\n0912000112,${'x'.repeat(70_000)}\n`, /Line 2 is too long/],
      [
        'an Excel workbook',
        Buffer.from('PK\x03\x04\x14\x00[Content_Types].xml', 'latin1'),
        /Excel workbook \(\.xlsx\)/,
      ],
      ['a ZIP archive', Buffer.from('PK\x03\x04rest-of-zip', 'latin1'), /ZIP archive/],
      ['a gzip file', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]), /gzip-compressed file/],
      [
        'binary with NUL bytes',
        Buffer.from('sdt\n0912000115\n\x00\x01\x02\n', 'latin1'),
        /^Line 3 contains a NUL byte/,
      ],
      ['UTF-16 without a BOM', Buffer.from('sdt\n0912000116\n', 'utf16le'), /UTF-16 text without a byte-order mark/],
      [
        'an unbalanced quote that would swallow the next rows into one name',
        'sdt,ho ten\n0912000117,"Nguyễn A\n0912000118,Trần B\n0912000119,"Lê C\n',
        /^Line 2: a quoted cell in column B runs over 3 lines \(to line 4\)/,
      ],
      [
        'a quote never closed',
        'sdt,ho ten\n0912000120,An\n0912000121,"Bình\n0912000122,Chi\n',
        /^Line 3: a quote \(\"\) opens a cell that is not closed/,
      ],
      [
        'a repeated phone header',
        'phone,name,phone\n0912000123,A,0912000124\n',
        /column A \("phone"\) and column C \("phone"\)/,
      ],
      ['two phone columns', 'sdt,số điện thoại\n0912000125,0912000126\n', /two columns for the same field/],
      ['an empty header cell', 'sdt,,ho ten\n0912000127,x,A\n', /^Line 1 \(the header\): column B has no name/],
    ];
    it.each(bad)('%s', async (_what, content, error) => {
      const before = await h.sql.query('SELECT phone, name, unit_id, tags, carrier FROM subscribers ORDER BY phone');
      const res = await upload(content).expect(200);
      expect(res.body.status).toBe('failed');
      expect(res.body.error).toMatch(error);
      const after = await h.sql.query('SELECT phone, name, unit_id, tags, carrier FROM subscribers ORDER BY phone');
      expect(after.rows).toEqual(before.rows);
      const rej = await h.sql.query('SELECT count(*) FROM import_rejections WHERE import_id = $1', [res.body.id]);
      expect(Number(rej.rows[0].count)).toBe(0);
    });

    it('a bad row deep in a big file rolls everything back', async () => {
      const lines = ['sdt'];
      for (let i = 0; i < 25_000; i++) lines.push(`09150${String(i).padStart(5, '0')}`);
      const body = Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from([0xff, 0xfe, 0x0a])]);
      const before = await count();
      const res = await upload(body).expect(200);
      expect(res.body).toMatchObject({ status: 'failed', inserted: 0 });
      expect(res.body.error).toMatch(/not UTF-8/);
      expect(await count()).toBe(before);
    });

    it('an unknown default unit is refused at upload', async () => {
      const res = await upload('sdt\n0912000113\n', { unitCode: 'nope' }).expect(400);
      expect(res.body.message).toMatch(/no unit with code nope/);
    });
  });

  it('a cancelled import stores nothing', async () => {
    const lines = ['sdt'];
    for (let i = 0; i < 60_000; i++) lines.push(`09160${String(i).padStart(5, '0')}`);
    const before = await count();
    const res = await h
      .http()
      .post('/api/v1/imports/subscribers')
      .set(auth)
      .field('unitCode', '339')
      .attach('file', Buffer.from(lines.join('\n')), 'big.csv')
      .expect(202);
    const cancel = await h.http().post(`/api/v1/imports/${res.body.id}/cancel`).set(auth);
    const final = await waitFor('import finished', async () => {
      const v = await h.http().get(`/api/v1/imports/${res.body.id}`).set(auth);
      return ['completed', 'cancelled', 'failed'].includes(v.body.status) && !(await importConnectionOpen()) && v.body;
    });
    if (cancel.status === 200) {
      // The usual case: cancelled while it ran.
      expect(final.status).toBe('cancelled');
      expect(await count()).toBe(before);
      const rej = await h.sql.query('SELECT count(*) FROM import_rejections WHERE import_id = $1', [res.body.id]);
      expect(Number(rej.rows[0].count)).toBe(0);
    } else {
      // It finished first: then the cancel is refused and everything is stored.
      expect(cancel.status).toBe(409);
      expect(final.status).toBe('completed');
      expect(await count()).toBe(before + 60_000);
    }
  });

  it('cannot cancel a finished import; an interrupted one is marked failed at the next start', async () => {
    const done = await upload('sdt\n0912000114\n').expect(200);
    await h.http().post(`/api/v1/imports/${done.body.id}/cancel`).set(auth).expect(409);

    const [row] = (
      await h.sql.query(
        `INSERT INTO imports (kind, status, started_at) VALUES ('subscribers', 'running', now()) RETURNING id`,
      )
    ).rows;
    await h.app.get(SubscriberImportService).onApplicationBootstrap();
    const v = await h.http().get(`/api/v1/imports/${row.id}`).set(auth).expect(200);
    expect(v.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/Interrupted/) });
  });

  it('carrier overrides win over the prefix, at once and on later imports', async () => {
    const res = await h
      .http()
      .post('/api/v1/carrier-overrides')
      .set(auth)
      .attach('file', Buffer.from('phone,carrier\n0987 654 321,MobiFone\n0911111111,unknown-telco\n'), 'o.csv')
      .expect(201);
    expect(res.body).toMatchObject({ rows: 2, added: 1, subscribersUpdated: 1, rejectedCount: 1 });
    const q = `SELECT carrier, carrier_source FROM subscribers WHERE phone = '84987654321'`;
    expect((await h.sql.query(q)).rows[0]).toEqual({ carrier: 'mobifone', carrier_source: 'override' });
    const again = await upload(FIXTURE, { unitCode: '339', tags: 'import-2020-08' }).expect(200);
    expect(again.body.inserted).toBe(0);
    expect((await h.sql.query(q)).rows[0]).toEqual({ carrier: 'mobifone', carrier_source: 'override' });
  });

  it('opts out a number given in any shape, and keeps DNC numbers', async () => {
    const bad = await h
      .http()
      .post('/api/v1/subscribers/opt-out')
      .set(auth)
      .send({ phone: '024 3825 3456' })
      .expect(400);
    expect(bad.body.message).toMatch(/phone: landline/);
    const ok = await h
      .http()
      .post('/api/v1/subscribers/opt-out')
      .set(auth)
      .send({ phone: '+84 (0) 35-222-3333' })
      .expect(200);
    expect(ok.body).toEqual({ phone: '84352223333', subscriber: true, dnc: false });
    const unknown = await h
      .http()
      .post('/api/v1/subscribers/opt-out')
      .set(auth)
      .send({ phone: '０９０９０００１２３' });
    expect(unknown.body).toEqual({ phone: '84909000123', subscriber: false, dnc: true });

    const dnc = await h
      .http()
      .post('/api/v1/dnc')
      .set(auth)
      .send({ phones: ['0912 000 200', '84912000201', 'abc'], source: 'test' })
      .expect(201);
    expect(dnc.body).toMatchObject({ rows: 3, added: 2, rejectedCount: 1 });
    const csv = await h
      .http()
      .post('/api/v1/dnc')
      .set(auth)
      .attach('file', Buffer.from('0912000200\n0912000202\n'), 'dnc.csv')
      .expect(201);
    expect(csv.body).toMatchObject({ rows: 2, added: 1, unchanged: 1 });
    await h.http().delete('/api/v1/dnc/0912000202').set(auth).expect(200);
    await h.http().delete('/api/v1/dnc/0912000202').set(auth).expect(404);
    const audit = await h.sql.query(`SELECT action, entity FROM audit_log WHERE entity IN ('dnc', 'subscriber')`);
    expect(audit.rows.map((a) => `${a.action} ${a.entity}`)).toEqual(
      expect.arrayContaining(['opt-out subscriber', 'add dnc', 'upload dnc', 'remove dnc']),
    );
  });

  it('DNC and carrier-override uploads go through the same strict reader', async () => {
    const dnc = await h
      .http()
      .post('/api/v1/dnc')
      .set(auth)
      .attach('file', Buffer.from('sdt\n0912000300\n\n0912000301,extra\n0912000302\n'), 'dnc.csv')
      .expect(201);
    expect(dnc.body).toMatchObject({ rows: 4, added: 2, rejectedCount: 2 });
    expect(dnc.body.rejected).toEqual([
      { line: 3, raw: '', reason: 'empty row' },
      { line: 4, raw: '0912000301', reason: expect.stringMatching(/^2 values for 1 columns/) },
    ]);
    const dncBefore = await h.sql.query('SELECT count(*) FROM dnc_numbers');
    const bad = await h
      .http()
      .post('/api/v1/dnc')
      .set(auth)
      .attach('file', Buffer.from('sdt\n"0912000303\n0912000304\n'), 'dnc.csv')
      .expect(400);
    expect(bad.body.message).toMatch(/^Line 2: a quote/);
    expect((await h.sql.query('SELECT count(*) FROM dnc_numbers')).rows).toEqual(dncBefore.rows);
    const gz = await h
      .http()
      .post('/api/v1/carrier-overrides')
      .set(auth)
      .attach('file', Buffer.from([0x1f, 0x8b, 0x08, 0x00]), 'o.csv.gz')
      .expect(400);
    expect(gz.body.message).toMatch(/gzip-compressed file/);
  });

  it('exports the subscribers as CSV', async () => {
    const res = await h.http().get('/api/v1/subscribers/export.csv?carrier=itel').set(auth).expect(200);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^phone,carrier,carrier_source,unit_code/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['84871112222']);
  });

  it('neutralises spreadsheet formulas in exported cells (names, tags, units)', async () => {
    await h.sql.query(
      `INSERT INTO subscribers (phone, carrier, name, tags) VALUES ('84871119999', 'itel', $1, ARRAY['+cmd', 'x'])`,
      ['=HYPERLINK("http://evil.example","Bluezone")'],
    );
    const res = await h.http().get('/api/v1/subscribers/export.csv?tag=%2Bcmd').set(auth).expect(200);
    const row = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')[1];
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""Bluezone"")"`);
    expect(row).toContain(`'+cmd;x`);
    expect(row).not.toMatch(/,=|,\+cmd/);
  });
});
