import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { ROOT } from '../support/global-setup';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots of every step, kept as artefacts (git-ignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'console');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A failed request the journey provokes on purpose (a wrong key, a bad filter): `method path status`. */
export type Expected = string;

/**
 * A page whose console errors and uncaught exceptions are collected. Chromium logs every 4xx answer as a console
 * error ("Failed to load resource"); those are matched with the responses, and only the ones the test expects
 * (`expectFailure`) are allowed.
 */
export async function watchedPage(browser: Browser) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const failed: string[] = [];
  const allowed: Expected[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/^Failed to load resource: the server responded with a status of \d+/.test(m.text())) return; // below
    errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() < 400) return;
    const what = `${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`;
    const i = allowed.indexOf(what);
    if (i >= 0) allowed.splice(i, 1);
    else failed.push(what);
  });
  return {
    page,
    context,
    /** The next answer `method path status` is expected (once). */
    expectFailure: (what: Expected) => allowed.push(what),
    /** Every console error and every unexpected failed request so far. */
    problems: () => [...errors, ...failed.map((f) => `unexpected answer: ${f}`)],
  };
}

/** Accessibility violations of serious or critical impact on the page as it is now (axe-core). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.addScriptTag({ content: AXE });
  const result = (await page.evaluate('window.axe.run(document)')) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in on the sign-in page (opening it first, which asks the api who is there: a 401 the test expects). */
export async function signIn(
  { page, expectFailure }: { page: Page; expectFailure: (what: Expected) => void },
  base: string,
  key: string,
): Promise<void> {
  if (page.url() !== `${base}/console/signin`) {
    expectFailure('GET /api/v1/session 401');
    await page.goto(`${base}/console/`);
    await page.waitForURL(`${base}/console/signin`);
  }
  await page.getByLabel(/Khoá API|API key/).fill(key);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.waitForURL(`${base}/console/subscribers`);
  await page.waitForSelector('[data-who]');
}
