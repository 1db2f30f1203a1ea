import request from 'supertest';
import { ApiHarness, startApi } from '@loa/testing';
import { OPERATIONS, OperationCase, Probe, Role, ROLES } from './openapi-scope.operations';
import { digestOf, seedWorld, World } from './openapi-scope.world';

jest.setTimeout(180_000);

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
type Doc = { paths: Record<string, Record<string, { security?: unknown[] }>> };

/** The document's operations as `METHOD path`, and those declared public (`security: []`). */
function operationsOf(doc: Doc): { all: string[]; open: string[] } {
  const all: string[] = [];
  const open: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      all.push(`${method.toUpperCase()} ${path}`);
      if (Array.isArray(op.security) && op.security.length === 0) open.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return { all: all.sort(), open: open.sort() };
}

/** `/api/v1/units/{id}` → a regex a probe's concrete path must match. */
const templateRe = (path: string) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);

/**
 * A success that counts nothing: a CSV of its header only, else every list empty and every count zero (ids
 * excepted: a breakdown may list the caller's own units at zero).
 */
function countsNothing(res: request.Response): boolean {
  if (/text\/csv/.test(res.headers['content-type'] ?? '')) return res.text.trim().split('\n').length <= 1;
  const nothing = (v: unknown, key = ''): boolean => {
    if (typeof v === 'number') return v === 0 || /^id$|Id$/.test(key);
    if (Array.isArray(v)) return key === 'byUnit' ? v.every((x) => nothing(x)) : v.length === 0;
    if (v && typeof v === 'object') return Object.entries(v).every(([k, x]) => nothing(x, k));
    return true;
  };
  return nothing(res.body);
}

function send(h: ApiHarness, method: string, probe: Probe, token?: string): request.Test {
  const req = (h.http() as unknown as Record<string, (url: string) => request.Test>)[method.toLowerCase()](probe.path);
  if (token) req.set('Authorization', `Bearer ${token}`);
  if (probe.query) req.query(probe.query);
  if (probe.upload) {
    for (const [k, v] of Object.entries(probe.upload.fields ?? {})) req.field(k, v);
    req.attach('file', Buffer.from(probe.upload.csv), 'sweep.csv');
  } else if (probe.body !== undefined) req.send(probe.body as object);
  return req;
}

describe('every OpenAPI operation, by a district key against another district (e2e)', () => {
  let h: ApiHarness;
  let w: World;
  let doc: Doc;

  beforeAll(async () => {
    h = await startApi();
    w = await seedWorld(h);
    doc = (await h.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => h?.close());

  it('the table covers exactly the operations of the document, the public ones named with why', () => {
    const { all, open } = operationsOf(doc);
    expect(Object.keys(OPERATIONS).sort()).toEqual(all);
    const declaredPublic = Object.entries(OPERATIONS).filter(([, c]) => 'public' in c);
    expect(declaredPublic.map(([k]) => k).sort()).toEqual(open);
    for (const [key, c] of Object.entries(OPERATIONS)) {
      const [method, path] = key.split(' ');
      const probes = c.probes(w);
      expect({ key, probes: probes.length > 0 }).toEqual({ key, probes: true });
      for (const p of probes) {
        expect({ key, path: p.path, fits: templateRe(path).test(p.path) }).toMatchObject({ fits: true });
        // A write that may succeed says why it changes nothing of B's.
        const write = method !== 'GET' && 'roles' in c && !c.roles.includes('analyst');
        if (write && p.expect.some((s) => s < 300)) expect({ key, why: !!p.why }).toEqual({ key, why: true });
      }
    }
  });

  it('the markers are real: the national admin sees them where district A must not', async () => {
    const admin = { Authorization: `Bearer ${h.adminToken}` };
    const subs = await h.http().get('/api/v1/subscribers').query({ unitId: w.b.district }).set(admin).expect(200);
    expect(subs.text).toContain(w.b.phones[0]);
    expect((await h.http().get(`/api/v1/units/${w.b.commune}`).set(admin).expect(200)).text).toContain('Qbeta');
    const rows = (await h.http().get('/api/v1/stats').query({ groupBy: 'campaign' }).set(admin).expect(200)).body;
    expect(rows.map((r: { label: string }) => r.label)).toEqual(['Qalpha Người campaign', 'Qbeta Người campaign']);
  });

  it("district A's operator, analyst and admin keys reach nothing of B's through any operation", async () => {
    const before = await digestOf(h, w.b);
    const failures: string[] = [];
    let calls = 0;
    const markers = w.markers.map((m) => m.toLowerCase());
    for (const [key, c] of Object.entries(OPERATIONS)) {
      const method = key.split(' ')[0];
      for (const probe of c.probes(w)) {
        const asked = JSON.stringify(probe).toLowerCase();
        const callers: (Role | null)[] = 'public' in c ? [null] : ROLES;
        for (const role of callers) {
          const res = await send(h, method, probe, role ? w.a.keys[role] : undefined);
          calls++;
          const expected = expectedFor(c, role, probe);
          const what = `${role ?? 'no key'} ${method} ${probe.path}${probe.query ? ` ${JSON.stringify(probe.query)}` : ''}`;
          if (!expected.includes(res.status)) {
            failures.push(`${what}: ${res.status} (expected ${expected.join('/')}): ${res.text.slice(0, 160)}`);
          }
          const text = (res.text ?? '').toLowerCase();
          const leaked = markers.filter((m) => !asked.includes(m) && text.includes(m));
          if (leaked.length) failures.push(`${what}: shows ${leaked.join(', ')}: ${res.text.slice(0, 300)}`);
          if (probe.nothing && res.status < 300 && !countsNothing(res)) {
            failures.push(`${what}: counts something of B's: ${res.text.slice(0, 300)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // 74 operations, most probed by all three roles, several more than once.
    expect(calls).toBeGreaterThan(3 * Object.keys(OPERATIONS).length);
    expect(await digestOf(h, w.b)).toEqual(before);
  });

  it('lists without a filter give district A its own data, for every role', async () => {
    const lists = [
      '/api/v1/units',
      '/api/v1/subscribers',
      '/api/v1/subscribers/export.csv',
      '/api/v1/segments',
      '/api/v1/templates',
      '/api/v1/campaigns',
      '/api/v1/stats/overview',
      '/api/v1/stats?groupBy=unit',
      `/api/v1/stats/failures.csv?runId=${w.a.runId}`,
    ];
    for (const role of ROLES) {
      for (const path of lists) {
        const res = await h.http().get(path).set('Authorization', `Bearer ${w.a.keys[role]}`).expect(200);
        expect({ role, path, own: res.text.includes('Qalpha') || res.text.includes(w.a.phones[0]) }).toMatchObject({
          own: true,
        });
      }
    }
    const keys = await h.http().get('/api/v1/api-keys').set('Authorization', `Bearer ${w.a.keys.admin}`).expect(200);
    expect(keys.body.map((k: { name: string }) => k.name).sort()).toEqual([
      'Qalpha Người admin key',
      'Qalpha Người analyst key',
      'Qalpha Người operator key',
    ]);
  });
});

function expectedFor(c: OperationCase, role: Role | null, probe: Probe): number[] {
  if ('national' in c) return [403];
  if ('public' in c || !role) return probe.expect;
  return c.roles.includes(role) ? probe.expect : [403];
}
