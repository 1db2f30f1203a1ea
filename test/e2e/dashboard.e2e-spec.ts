import { existsSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { Browser } from 'playwright-core';
import { ApiHarness, startApi, waitFor } from '@loa/testing';
import { fastTracking, seedCampaign, seedDelivery, seedUnits, startTrackingWorker } from './tracking.fixtures';

// Asynchronous application (worker loops) is awaited with waitFor; leave room on a loaded machine.
jest.setTimeout(30_000);

import { CHROMIUM, launchChromium } from './console.helpers';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`dashboard e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

(haveChromium ? describe : describe.skip)('dashboard in headless Chromium (e2e)', () => {
  let h: ApiHarness;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    h = await startApi(fastTracking);
    worker = await startTrackingWorker(h.cfg);
    base = (await h.app.getUrl()).replace('[::1]', '127.0.0.1');
    const u = await seedUnits(h.sql);
    const camp = await seedCampaign(h.sql, u.province);
    for (const [unitId, status] of [
      [u.communeA1, 'delivered'],
      [u.communeA1, 'sent'],
      [u.communeB1, 'failed'],
    ] as const) {
      await seedDelivery(h.sql, { ...camp, unitId, status, gatewayId: 'esms' });
    }
    const { rows } = await h.sql.query(`SELECT count(*)::int AS n FROM deliveries`);
    await waitFor('roll-up', async () => {
      const r = await h
        .http()
        .get('/api/v1/stats?groupBy=campaign')
        .set({ Authorization: `Bearer ${h.adminToken}` });
      return r.body[0]?.targeted === rows[0].n;
    });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await h?.close();
  });

  it('signs in with an API key, shows figures equal to the database, and logs no console errors', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${base}/dashboard`);
    expect(page.url()).toMatch(/\/dashboard\/login$/);
    await page.fill('input[name=key]', h.adminToken);
    await Promise.all([page.waitForURL(`${base}/dashboard`), page.click('button[type=submit]')]);

    const { rows } = await h.sql.query(
      `SELECT count(*)::int AS targeted, count(*) FILTER (WHERE status = 'delivered')::int AS delivered FROM deliveries`,
    );
    const fmt = new Intl.NumberFormat('vi-VN');
    await page.waitForSelector('[data-kpi=targeted] b');
    expect(await page.textContent('[data-kpi=targeted] b')).toBe(fmt.format(rows[0].targeted));
    expect(await page.textContent('[data-kpi=delivered] b')).toBe(fmt.format(rows[0].delivered));
    await page.waitForSelector('#campaigns tbody tr');
    const cells = await page.$$eval('#campaigns tbody tr td', (tds) => tds.map((t) => t.textContent));
    expect(cells[1]).toBe('Nhắc cài Bluezone');
    expect(cells[3]).toBe(fmt.format(rows[0].targeted));
    // Live progress of the running campaign is polled and shown.
    await page.waitForFunction("/\\d+ \\/ \\d+/.test(document.getElementById('live-text')?.textContent ?? '')");
    // Charts were drawn by chart.js (served locally).
    expect(await page.evaluate('typeof window.Chart')).toBe('function');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a wrong key, and the cookie never authorises a change', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/dashboard/login`);
    await page.fill('input[name=key]', 'loa_000000000000_wrongwrongwrongwrongwrong');
    await page.click('button[type=submit]');
    await page.waitForSelector('#login-error');
    await page.close();
    // Neither a session nor a key in a cookie authorises a change (a forged cross-site form).
    const session = await h.signIn(h.adminToken);
    await h.http().post('/api/v1/installs').set('Cookie', session).send(['0961234567']).expect(401);
    await h.http().post('/api/v1/installs').set('Cookie', `loa_session=${h.adminToken}`).send(['1']).expect(401);
  });
});
