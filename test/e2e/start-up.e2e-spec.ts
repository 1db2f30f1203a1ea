import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@loa/core';
import { dropTestDatabase, ensureWorkerBuilt, freePort, testConfig, uniqueName, waitFor } from '@loa/testing';
import { ROOT } from '../support/global-setup';

jest.setTimeout(240_000);

/**
 * The README's main command, `npm start`, as a newcomer runs it, on a database, Redis prefix and ports of its own:
 * services, build (skipped: fresh), migrate, demo seed, first key, simulators + worker + api, then the ready block.
 */
describe('npm start (e2e)', () => {
  let cfg: AppConfig;
  let dir: string;
  let child: ChildProcess;
  let exited: Promise<unknown>;
  let out = '';
  const plain = () => out.replace(/\x1b\[[0-9;]*m/g, '');
  let block: Record<string, string>;

  beforeAll(async () => {
    await ensureWorkerBuilt();
    cfg = testConfig(uniqueName('loa_start'));
    const [api, viettel, vnpt, esms, zalo] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
    const ports: Record<string, number> = { viettel, vnpt, esms, zalo };
    const gateways = cfg.gateways.map((g) => ({
      ...g,
      endpoint: g.endpoint.replace(/:\d+/, `:${ports[g.id]}`),
      oauthEndpoint: g.oauthEndpoint?.replace(/:\d+/, `:${ports[g.id]}`),
    }));
    dir = mkdtempSync(join(tmpdir(), 'loa-start-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ gateways, simulator: { ...cfg.simulator, ports } }));
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LOA_') && k !== 'NODE_ENV') env[k] = v;
    Object.assign(env, {
      LOA_CONFIG_FILE: file,
      LOA_DATABASE_URL: cfg.database.url,
      LOA_REDIS_PREFIX: cfg.redis.prefix,
      LOA_API_PORT: String(api),
      LOA_PUBLIC_BASE_URL: `http://127.0.0.1:${api}`,
    });
    // Its own process group, stopped as Ctrl-C stops it: SIGINT to the whole group.
    child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    exited = new Promise((r) => child.once('exit', r));
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    await waitFor(`the ready block\n${out}`, () => /Loa is ready[\s\S]*Stop[^\n]*\n─+\n/.test(plain()), 180_000, 200);
    const text = plain();
    const at = text.indexOf('Loa is ready');
    block = Object.fromEntries(
      [...text.slice(at).matchAll(/^ {2}(Console|Dashboard|API docs|Queues|Admin key|Stop) +(\S+)/gm)].map((m) => [
        m[1],
        m[2],
      ]),
    );
  });

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGINT');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise((r) => (timer = setTimeout(r, 20_000, false)));
      const stopped = await Promise.race([exited.then(() => true), late]);
      clearTimeout(timer);
      if (!stopped) process.kill(-child.pid, 'SIGKILL');
    }
    if (cfg) await dropTestDatabase(cfg);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ends with a ready block: dashboard, API docs and queue URLs, the first admin key, how to stop', () => {
    const base = `http://127.0.0.1:${new URL(block.Dashboard).port}`;
    expect(block).toEqual({
      Console: `${base}/console/`,
      Dashboard: `${base}/dashboard`,
      'API docs': `${base}/api/docs`,
      Queues: `${base}/admin/queues`,
      'Admin key': expect.stringMatching(/^loa_\w+_[\w-]+$/),
      Stop: 'Ctrl-C',
    });
    // The key the CLI created a moment before, repeated where it is not buried.
    expect(plain()).toContain(`it is shown only once:\n${block['Admin key']}\n`);
    expect(plain()).not.toMatch(/Loa started, but/);
  });

  it('keeps Nest start-up chatter (routes, modules) out of the default output', () => {
    expect(plain()).not.toMatch(/Mapped \{|RoutesResolver|InstanceLoader|dependencies initialized/);
  });

  it('serves what the block names, with the key it prints', async () => {
    const key = { Authorization: `Bearer ${block['Admin key']}` };
    const dashboard = await fetch(block.Dashboard, { redirect: 'manual' });
    expect(dashboard.status).toBe(303);
    expect(dashboard.headers.get('location')).toBe('/dashboard/login');
    const login = await fetch(new URL('/dashboard/login', block.Dashboard));
    expect(login.status).toBe(200);
    expect(await login.text()).toMatch(/<form/i);
    const docs = await fetch(block['API docs']);
    expect([docs.status, docs.headers.get('content-type')]).toEqual([200, expect.stringMatching(/text\/html/)]);
    const json = await fetch(`${block['API docs']}-json`);
    expect(((await json.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    const units = await fetch(new URL('/api/v1/units', block.Dashboard), { headers: key });
    expect(units.status).toBe(200);
    expect(((await units.json()) as unknown[]).length).toBeGreaterThan(0); // the demo units were seeded
    const queues = await fetch(block.Queues, { headers: key });
    expect(queues.status).toBe(200);
    // Offline-safe: nothing on the page is fetched from outside (bull-board links Google Fonts by default).
    expect(await queues.text()).not.toMatch(/(href|src)="https?:\/\//);
  });

  it('logs each request once', async () => {
    const login = new URL('/dashboard/login', block.Dashboard);
    await fetch(`${login}?probe=first`);
    await fetch(`${login}?probe=second`);
    // Lines come out in order: once the second request is logged, every line of the first is out too.
    await waitFor('the second request logged', () => plain().includes('/dashboard/login?probe=second"'));
    expect(plain().split('/dashboard/login?probe=first"').length - 1).toBe(1);
  });

  it('never logs a key, a cookie or a gateway secret: the admin key appears only where it is handed over', async () => {
    const units = new URL('/api/v1/units', block.Dashboard);
    await fetch(`${units}?probe=secret`, {
      headers: { Authorization: `Bearer ${block['Admin key']}`, Cookie: `loa_session=${block['Admin key']}` },
    });
    // Signing in on the page: the key goes in a form, the session id comes back in a cookie; neither is logged.
    const login = await fetch(new URL('/dashboard/login?probe=login', block.Dashboard), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key: block['Admin key'] }),
    });
    const session = /loa_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(session).toMatch(/^ls_/);
    await fetch(`${units}?probe=session`, { headers: { Cookie: `loa_session=${session}` } });
    await waitFor('the requests logged', () => plain().includes('/api/v1/units?probe=session"'));
    const out = plain();
    expect(out).toContain('/dashboard/login?probe=login"');
    expect(out).not.toContain(session);
    // Printed twice on purpose (when created, and in the ready block), never in a request line.
    expect(out.split(block['Admin key']).length - 1).toBe(2);
    const secrets = cfg.gateways.flatMap((g) => [
      g.webhookSecret,
      ...Object.entries(g.credentials)
        .filter(([k]) => /secret|pass|key|token/i.test(k))
        .map(([, v]) => v),
    ]);
    expect(secrets.length).toBeGreaterThan(4);
    expect(secrets.filter((secret) => out.includes(secret))).toEqual([]);
  });
});
