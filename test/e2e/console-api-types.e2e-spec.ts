import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, startApi } from '@loa/testing';
import { ROOT } from '../support/global-setup';

jest.setTimeout(60_000);

/** The console's typed client is built on types generated from the api's OpenAPI document, committed. */
const COMMITTED = join(ROOT, 'apps', 'console', 'src', 'api', 'api-types.ts');

describe("the console's API types (e2e)", () => {
  let h: ApiHarness;
  let dir: string;

  beforeAll(async () => {
    h = await startApi();
    dir = mkdtempSync(join(tmpdir(), 'loa-api-types-'));
  });
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are what scripts/api-types.js generates from the current document (else: regenerate them)', async () => {
    const doc = join(dir, 'docs.json');
    writeFileSync(doc, JSON.stringify((await h.http().get('/api/docs-json').expect(200)).body));
    const fresh = join(dir, 'api-types.ts');
    execFileSync('node', [join(ROOT, 'scripts', 'api-types.js'), doc, fresh], { cwd: ROOT, stdio: 'pipe' });
    const generated = readFileSync(fresh, 'utf8');
    // UPDATE_API_TYPES=1 rewrites the committed file (npm run console:api-types); review the diff, commit it.
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(COMMITTED, generated);
    const committed = readFileSync(COMMITTED, 'utf8');
    if (committed !== generated) {
      throw new Error(
        'apps/console/src/api/api-types.ts is stale (the OpenAPI document changed): run `npm run console:api-types`, ' +
          'then fix what no longer compiles in the console (`npm run typecheck`)',
      );
    }
    expect(committed).toContain('"/api/v1/session"');
  });
});
