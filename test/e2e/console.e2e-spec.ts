import { existsSync, readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { ApiHarness, ensureConsoleBuilt, startApi } from '@loa/testing';
import { CHROMIUM, launchChromium, seriousAxeViolations, shot, signIn, watchedPage } from './console.helpers';
import { seedUnits } from './tracking.fixtures';

jest.setTimeout(120_000);

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`console e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

// District A's list: three good rows, and three bad ones (not a number, a repeat, a unit of district B).
const CSV = [
  'Số điện thoại,Họ tên,Mã đơn vị,Nhãn,Thôn',
  '0912345678,Nguyen Van A,C12,teacher;parent,Thôn 1',
  '0987654321,Tran Thi B,C13,parent,Thôn 2',
  '0961234567,Le Van C,C12,,Thôn 3',
  'not-a-phone,Bad Row,C12,,',
  '0912345678,Once More,C12,,',
  '0351112222,Pham D,C14,,',
].join('\n');

/**
 * The staff console in headless Chromium against the real api (issue 14): a district operator's journey (sign in,
 * import a list with bad rows, the rejection report, find a number, build and save a segment, sign out); an
 * analyst, who sees no control that changes anything; and another district's operator, who sees none of it.
 * Every step: a screenshot (test-artifacts/console/), no console error, no serious or critical axe violation.
 */
(haveChromium ? describe : describe.skip)('staff console in headless Chromium (e2e)', () => {
  let h: ApiHarness;
  let browser: Browser;
  let base: string;
  let u: Awaited<ReturnType<typeof seedUnits>>;
  let keys: { operatorA: string; analystA: string; operatorB: string };
  const asKey = (key: string) => ({ Authorization: `Bearer ${key}` });

  beforeAll(async () => {
    await ensureConsoleBuilt();
    h = await startApi();
    base = (await h.app.getUrl()).replace('[::1]', '127.0.0.1');
    u = await seedUnits(h.sql);
    keys = {
      operatorA: await h.key('operator', u.districtA),
      analystA: await h.key('analyst', u.districtA),
      operatorB: await h.key('operator', u.districtB),
    };
    await h.sql.query(`UPDATE api_keys SET name = 'Phòng VH-TT Hưng Hà' WHERE role = 'operator' AND unit_id = $1`, [
      u.districtA,
    ]);
    // District B has subscribers of its own, which district A must never see.
    for (const phone of ['0971112222', '0982223333'])
      await h
        .http()
        .post('/api/v1/subscribers')
        .set(asKey(h.adminToken))
        .send({ phone, unitId: u.communeB1 })
        .expect(201);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function checked(page: Page, problems: () => string[], name: string) {
    await shot(page, name);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems()).toEqual([]);
  }

  async function countOnPage(page: Page): Promise<string> {
    await page.waitForFunction(
      "document.querySelector('[aria-busy]')?.getAttribute('aria-busy') === 'false' && " +
        "!!document.querySelector('[aria-busy] [data-count=total]')",
    );
    return (await page.textContent('[data-count=total]'))!;
  }

  it("walks a district operator's day: sign in, import, rejections, search, segment, sign out", async () => {
    const { page, expectFailure, problems } = await watchedPage(browser);
    const fmt = new Intl.NumberFormat('vi-VN');

    // Not signed in: the console asks who is there (401) and shows the sign-in page.
    expectFailure('GET /api/v1/session 401');
    await page.goto(`${base}/console/subscribers`);
    await page.waitForURL(`${base}/console/signin`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await checked(page, problems, '01-signin');

    // A wrong key: said beside the field.
    expectFailure('POST /api/v1/session 401');
    await page.getByLabel('Khoá API').fill('loa_000000000000_wrongwrongwrongwrongwrong');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Khoá API không đúng hoặc đã bị thu hồi').waitFor();
    await checked(page, problems, '02-signin-wrong-key');

    await signIn({ page, expectFailure }, base, keys.operatorA);
    expect(await page.textContent('[data-who]')).toBe('Phòng VH-TT Hưng Hà · Vận hành · Huyện Hưng Hà (D336)');
    // The page kept no copy of the key: not in storage, not in the form, not in the page's markup.
    const stored = (await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })')) as string;
    expect(stored).not.toContain('loa_');
    expect(await page.content()).not.toContain(keys.operatorA);
    expect((await page.context().cookies()).find((c) => c.name === 'loa_session')).toMatchObject({ httpOnly: true });
    await checked(page, problems, '03-subscribers');

    // Upload: the first rows and the mapping read from the header, before anything is sent.
    await page.setInputFiles('input[type=file]', {
      name: 'hung-ha.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await page.waitForSelector('[data-preview]');
    const mapped = await page.$$eval('[data-preview] [data-field]', (els) => els.map((e) => e.textContent));
    expect(mapped).toEqual(['Số điện thoại', 'Họ tên', 'Mã đơn vị', 'Nhãn', 'Thuộc tính']);
    expect(await page.$$eval('[data-preview] tbody tr', (rows) => rows.length)).toBe(5);
    await checked(page, problems, '04-import-preview');

    await page.click('[data-action=import]');
    await page.waitForSelector('[data-import=completed]', { timeout: 30_000 });
    const { rows } = await h.sql.query(`SELECT id FROM imports ORDER BY id DESC LIMIT 1`);
    const imp = (await h.http().get(`/api/v1/imports/${rows[0].id}`).set(asKey(keys.operatorA)).expect(200)).body;
    expect(imp).toMatchObject({ status: 'completed', rowsTotal: 6 });
    expect(imp.rowsRejected).toBeGreaterThan(0);
    expect(await page.textContent('[data-count=accepted]')).toBe(`Nhận ${fmt.format(imp.rowsAccepted)}`);
    expect(await page.textContent('[data-count=rejected]')).toBe(`Từ chối ${fmt.format(imp.rowsRejected)}`);
    await checked(page, problems, '05-import-done');

    // The rejection report: the API's CSV, downloaded from the link.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=rejections]')]);
    const report = readFileSync((await download.path())!, 'utf8');
    const api = await h.http().get(`/api/v1/imports/${imp.id}/rejections.csv`).set(asKey(keys.operatorA)).expect(200);
    expect(report).toBe(api.text);
    expect(report.trim().split('\n')).toHaveLength(1 + imp.rowsRejected);
    expect(report).toContain('not-a-phone');

    // Find a number, typed in another shape than the file's.
    await page.getByLabel('Số điện thoại', { exact: true }).fill('+84 98 765 4321');
    await page.click('[data-action=search]');
    await page.waitForSelector('[data-results]');
    const cells = await page.$$eval('[data-results] tbody td', (tds) => tds.map((t) => t.textContent));
    expect(cells.slice(0, 3)).toEqual(['84987654321', 'Viettel', 'Tran Thi B']);
    await checked(page, problems, '06-search');
    // District B's number is not found from district A.
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0971112222');
    await page.click('[data-action=search]');
    await page.getByText('Không có thuê bao nào với số này trong khu vực của bạn').waitFor();

    // Segments: the count is the API's for the same filter, and follows the filter as it changes.
    await page.getByRole('link', { name: 'Nhóm đối tượng' }).click();
    await page.waitForURL(`${base}/console/segments`);
    const all = (
      await h.http().post('/api/v1/segments/count').set(asKey(keys.operatorA)).send({ filter: {} }).expect(200)
    ).body;
    expect(await countOnPage(page)).toBe(fmt.format(all.total));
    await page.locator('label[for]', { hasText: /^Viettel$/ }).click();
    await page.locator('label[for]', { hasText: /^Chưa cài$/ }).click();
    const filter = { carriers: ['viettel'], installed: false };
    const viettel = (
      await h.http().post('/api/v1/segments/count').set(asKey(keys.operatorA)).send({ filter }).expect(200)
    ).body;
    await page.waitForFunction(
      `document.querySelector('[aria-busy=false] [data-count=total]')?.textContent === ${JSON.stringify(fmt.format(viettel.total))}`,
    );
    expect(viettel.total).toBeLessThan(all.total);
    const byCarrier = await page.$$eval('[data-breakdown=carrier] tr', (trs) => trs.map((tr) => tr.textContent));
    expect(byCarrier).toEqual([`Viettel${fmt.format(viettel.byCarrier.viettel)}`]);

    // A server error names its field: shown beside it.
    expectFailure('POST /api/v1/segments/count 400');
    await page.getByLabel('Đã bấm liên kết trong vòng (ngày)').fill('99999');
    await page.getByText('clickedWithinDays must not be greater than 3650').waitFor();
    await checked(page, problems, '07-segment-field-error');
    await page.getByLabel('Đã bấm liên kết trong vòng (ngày)').fill('');
    await countOnPage(page);

    await page.getByLabel('Tên nhóm').fill('Viettel chưa cài, Hưng Hà');
    await page.click('[data-action=save-segment]');
    await page.waitForSelector('[data-saved]');
    await page.waitForSelector('[data-segments] >> text=Viettel chưa cài, Hưng Hà');
    const saved = (await h.http().get('/api/v1/segments').set(asKey(keys.operatorA)).expect(200)).body;
    expect(saved).toMatchObject([{ name: 'Viettel chưa cài, Hưng Hà', filter, unitId: u.districtA }]);
    await checked(page, problems, '08-segments');

    // English, on request.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await checked(page, problems, '09-segments-en');
    await page.getByText('Tiếng Việt', { exact: true }).click();

    // Sign out: the session is over for the api too.
    const cookie = (await page.context().cookies()).find((c) => c.name === 'loa_session')!;
    expectFailure('GET /api/v1/session 401');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${base}/console/signin`);
    await h.http().get('/api/v1/session').set('Cookie', `loa_session=${cookie.value}`).expect(401);
    expect(problems()).toEqual([]);
    await page.context().close();
  });

  it('shows an analyst no control that changes anything, and still counts', async () => {
    const { page, expectFailure, problems } = await watchedPage(browser);
    await signIn({ page, expectFailure }, base, keys.analystA);
    expect(await page.textContent('[data-who]')).toContain('Phân tích');
    await page.waitForSelector('#search-title');
    expect(await page.$$('input[type=file], [data-action=import]')).toEqual([]);
    await checked(page, problems, '10-analyst-subscribers');
    await page.getByRole('link', { name: 'Nhóm đối tượng' }).click();
    await page.waitForURL(`${base}/console/segments`);
    const all = (
      await h.http().post('/api/v1/segments/count').set(asKey(keys.analystA)).send({ filter: {} }).expect(200)
    ).body;
    expect(await countOnPage(page)).toBe(new Intl.NumberFormat('vi-VN').format(all.total));
    expect(await page.$$('[data-action=save-segment], [data-action=import]')).toEqual([]);
    await page.waitForSelector('[data-segments] >> text=Viettel chưa cài, Hưng Hà');
    await checked(page, problems, '11-analyst-segments');
    await page.context().close();
  });

  it("shows another district's operator none of the first district's data", async () => {
    const { page, expectFailure, problems } = await watchedPage(browser);
    await signIn({ page, expectFailure }, base, keys.operatorB);
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0987654321');
    await page.click('[data-action=search]');
    await page.getByText('Không có thuê bao nào với số này trong khu vực của bạn').waitFor();
    await checked(page, problems, '12-other-district-search');
    await page.getByRole('link', { name: 'Nhóm đối tượng' }).click();
    await page.waitForURL(`${base}/console/segments`);
    await page.getByText('Chưa có nhóm nào').waitFor();
    expect(await page.$$('[data-segments]')).toEqual([]);
    expect(await countOnPage(page)).toBe('2'); // district B's own two subscribers
    const units = await page.$$eval('[data-breakdown=unit] th', (ths) => ths.map((t) => t.textContent));
    expect(units.join(' ')).not.toMatch(/Tân Lễ|Canh Tân|Hưng Hà/);
    await checked(page, problems, '13-other-district-segments');
    await page.context().close();
  });

  it('serves the console at /console with a fallback for its pages, and / leads to it', async () => {
    await h.http().get('/').expect(302).expect('Location', '/console/');
    await h.http().get('/console').expect(301).expect('Location', '/console/');
    const page = await h.http().get('/console/segments').expect(200);
    expect(page.text).toContain('<div id="root"></div>');
    expect(page.headers['cache-control']).toBe('no-cache');
    await h.http().get('/console/assets/nope.js').expect(404);
    await h.http().get('/dashboard/login').expect(200);
    await h.http().get('/health').expect(200);
  });
});
