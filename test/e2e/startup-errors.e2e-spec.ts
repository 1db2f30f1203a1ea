import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureWorkerBuilt } from '@loa/testing';

const ROOT = join(__dirname, '..', '..');

/** A process that cannot start says which setting is wrong, within seconds (issue 11.9). */
describe('start-up failures (e2e)', () => {
  beforeAll(() => ensureWorkerBuilt(), 180_000);

  const start = (role: 'api' | 'worker', env: Record<string, string>) => {
    const clean: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LOA_')) clean[k] = v;
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'apps', role, 'src', 'main.js')], {
      cwd: ROOT,
      env: { ...clean, NODE_ENV: 'test', LOA_LOG_LEVEL: 'fatal', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: r.status, stderr: r.stderr };
  };

  it.each(['api', 'worker'] as const)(
    '%s: an unreachable database names LOA_DATABASE_URL and exits 1',
    (role) => {
      const r = start(role, { LOA_DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:1/loa' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Cannot use PostgreSQL at postgres://postgres:***@127.0.0.1:1/loa (LOA_DATABASE_URL');
      expect(r.stderr).not.toContain(':pw@');
    },
    40_000,
  );

  it('a misspelt variable stops the api, naming it', () => {
    const r = start('api', { LOA_API_PROT: '3001' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('LOA_API_PROT: unknown variable');
  }, 40_000);
});
