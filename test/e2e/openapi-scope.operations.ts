import { World } from './openapi-scope.world';

export type Role = 'operator' | 'analyst' | 'admin';
export const ROLES: Role[] = ['operator', 'analyst', 'admin'];
const READ: Role[] = ['operator', 'analyst', 'admin'];
const WRITE: Role[] = ['operator', 'admin'];
const ADMIN: Role[] = ['admin'];

/** One request of the sweep (its method is the operation's), aimed at district B (its ids, numbers, units, filters) from a district A key. */
export interface Probe {
  path: string;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  /** A multipart CSV upload (field "file") instead of a JSON body. */
  upload?: { csv: string; fields?: Record<string, string> };
  /** The statuses a role allowed on the operation may get. */
  expect: number[];
  /** A success must count nothing: every number 0, every list empty, a CSV only its header. */
  nothing?: true;
  /** Why a write may succeed: it changes nothing of B's (the digest of B's rows checks it). */
  why?: string;
}

export type OperationCase =
  /** Open to district keys of these roles (403 for the others); every probe stays inside A's subtree. */
  | { roles: Role[]; probes: (w: World) => Probe[] }
  /** A national setting: 403 to every district key, whatever the role. */
  | { national: true; probes: (w: World) => Probe[] }
  /** No API key at all; why it is safe, and probes that still must not show B's data. */
  | { public: string; probes: (w: World) => Probe[] };

const NOT_B = [403, 404];
const json = (path: string, body: unknown, expect = NOT_B): Probe => ({ path, body, expect });
const at = (path: string, query?: Probe['query'], expect = NOT_B): Probe => ({ path, query, expect });
const list = (path: string, query?: Probe['query']): Probe => ({ path, query, expect: [200] });
const none = (path: string, query?: Probe['query']): Probe => ({ path, query, expect: [200], nothing: true });
const TODAY = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const sms = (w: World, extra: object = {}) => ({
  name: 'x',
  segmentId: w.a.segmentId,
  brandname: 'SOTTTT',
  channels: [{ channel: 'sms', templateId: w.a.templateId }],
  runAt: new Date(Date.now() + 86_400_000).toISOString(),
  ...extra,
});

/** Every operation of /api/docs-json, keyed `METHOD path`: the sweep fails when one is added and not listed. */
export const OPERATIONS: Record<string, OperationCase> = {
  'GET /health': {
    public: 'liveness of the process and its stores; no tenant data',
    probes: () => [at('/health', {}, [200, 503])],
  },
  'GET /metrics': {
    public: 'Prometheus counters per gateway and queue, for the monitoring network; no unit, person or campaign',
    probes: () => [at('/metrics', {}, [200])],
  },
  'GET /webhooks/{gatewayId}': {
    public: 'gateways authenticate with their secret (constant-time) or signature, never with a key',
    probes: (w) => [at('/webhooks/esms', { rid: `req-${w.b.linkCode}`, status: 'failed' }, [401, 403])],
  },
  'POST /webhooks/{gatewayId}': {
    public: 'as GET /webhooks: a report without the gateway secret is refused before it is read',
    probes: (w) => [json('/webhooks/viettel', { requestId: `req-${w.b.linkCode}`, status: 'failed' }, [401, 403])],
  },
  'GET /r/{code}': {
    public: 'a short link is its own credential: whoever holds it is sent to the campaign target, nothing more',
    probes: (w) => [at(`/r/${w.b.linkCode}`, {}, [302]), at('/r/qbetaNOPE', {}, [404])],
  },

  'POST /api/v1/session': {
    public: 'sign-in: the body is a key, checked like a bearer one; refused without the console header',
    probes: () => [json('/api/v1/session', { key: 'loa_000000000000_wrongwrongwrongwrongwrong' }, [403])],
  },
  'DELETE /api/v1/session': {
    public: 'sign-out ends only the session of the cookie sent (none here); no data',
    probes: () => [at('/api/v1/session', {}, [204])],
  },
  'GET /api/v1/session': { roles: READ, probes: () => [list('/api/v1/session')] },

  'GET /api/v1/api-keys': { roles: ADMIN, probes: () => [list('/api/v1/api-keys')] },
  'POST /api/v1/api-keys': {
    roles: ADMIN,
    probes: (w) => [
      json('/api/v1/api-keys', { name: 'x', role: 'admin', unitId: w.b.district }, [403]),
      json('/api/v1/api-keys', { name: 'x', role: 'admin', unitId: w.province }, [403]),
      json('/api/v1/api-keys', { name: 'x', role: 'admin' }, [403]),
    ],
  },
  'DELETE /api/v1/api-keys/{id}': {
    roles: ADMIN,
    probes: (w) => [at(`/api/v1/api-keys/${w.b.adminKeyId}`, {}, [404])],
  },
  'GET /api/v1/audit': { roles: ADMIN, probes: () => [list('/api/v1/audit'), list('/api/v1/audit', { limit: 1000 })] },

  'GET /api/v1/units': {
    roles: READ,
    probes: (w) => [
      list('/api/v1/units'),
      at('/api/v1/units', { parent: w.b.district }, [403]),
      at('/api/v1/units', { parent: w.province }, [403]),
    ],
  },
  'POST /api/v1/units': {
    roles: WRITE,
    probes: (w) => [
      json('/api/v1/units', { code: 'QZ1', name: 'Z', level: 'village', parentId: w.b.commune }, [403]),
      json('/api/v1/units', { code: 'QZ2', name: 'Z', level: 'village', parentCode: w.b.codes[1] }, [403]),
      json('/api/v1/units', { code: 'QZ3', name: 'Z', level: 'district', parentId: w.province }, [403]),
      // B's code under A's own commune: taken, and said so as of any taken code (no "already exists").
      json('/api/v1/units', { code: w.b.codes[1], name: 'Z', level: 'village', parentId: w.a.commune }, [409]),
    ],
  },
  'GET /api/v1/units/by-code/{code}': {
    roles: READ,
    probes: (w) => [at(`/api/v1/units/by-code/${w.b.codes[1]}`, {}, [403])],
  },
  'GET /api/v1/units/{id}': { roles: READ, probes: (w) => [at(`/api/v1/units/${w.b.commune}`, {}, [403])] },
  'GET /api/v1/units/{id}/subtree': {
    roles: READ,
    probes: (w) => [
      at(`/api/v1/units/${w.b.district}/subtree`, {}, [403]),
      at(`/api/v1/units/${w.province}/subtree`, {}, [403]),
    ],
  },
  // Moving and importing units reshape the whole tree: national keys only.
  'POST /api/v1/units/{id}/move': {
    national: true,
    probes: (w) => [
      json(`/api/v1/units/${w.b.commune}/move`, { parentId: w.a.district }, [403]),
      json(`/api/v1/units/${w.a.commune}/move`, { parentId: w.b.district }, [403]),
    ],
  },
  'POST /api/v1/units/import': {
    national: true,
    probes: (w) => [
      {
        path: '/api/v1/units/import',
        upload: { csv: `code,name,level,parent_code\n${w.b.codes[1]},Z,commune,${w.a.codes[0]}\n` },
        expect: [403],
      },
    ],
  },

  'GET /api/v1/subscribers': {
    roles: READ,
    probes: (w) => [
      list('/api/v1/subscribers'),
      none('/api/v1/subscribers', { unitId: w.b.district }),
      none('/api/v1/subscribers', { phone: w.b.phones[0] }),
      none('/api/v1/subscribers', { tag: w.b.tag }),
      none('/api/v1/subscribers', { unitId: w.province, tag: w.b.tag }),
    ],
  },
  'POST /api/v1/subscribers': {
    roles: WRITE,
    probes: (w) => [
      json('/api/v1/subscribers', { phone: '0987659999', unitId: w.b.commune }, [403]),
      // B's number in A's own commune: taken, answered as any taken number is (no "already a subscriber").
      json('/api/v1/subscribers', { phone: w.b.phones[1], unitId: w.a.commune }, [409]),
    ],
  },
  'GET /api/v1/subscribers/export.csv': {
    roles: READ,
    probes: (w) => [
      list('/api/v1/subscribers/export.csv'),
      none('/api/v1/subscribers/export.csv', { unitId: w.b.commune }),
      none('/api/v1/subscribers/export.csv', { tag: w.b.tag }),
    ],
  },
  'POST /api/v1/subscribers/opt-out': {
    roles: WRITE,
    probes: (w) => [
      {
        path: '/api/v1/subscribers/opt-out',
        body: { phone: w.b.phones[1] },
        expect: [200],
        why: 'a number outside the key goes on the national DNC list, as a number that is nobody’s; B’s row is untouched',
      },
    ],
  },
  'GET /api/v1/subscribers/{id}': {
    roles: READ,
    probes: (w) => [at(`/api/v1/subscribers/${w.b.subscriberId}`, {}, [404])],
  },
  'PATCH /api/v1/subscribers/{id}': {
    roles: WRITE,
    probes: (w) => [json(`/api/v1/subscribers/${w.b.subscriberId}`, { name: 'Z', unitId: w.a.commune }, [404])],
  },
  'DELETE /api/v1/subscribers/{id}': {
    roles: WRITE,
    probes: (w) => [at(`/api/v1/subscribers/${w.b.subscriberId}`, {}, [404])],
  },

  'POST /api/v1/imports/subscribers': {
    roles: WRITE,
    probes: (w) => [
      {
        path: '/api/v1/imports/subscribers',
        upload: { csv: 'sdt\n0987659998\n', fields: { unitCode: w.b.codes[1] } },
        expect: [403],
      },
      {
        path: '/api/v1/imports/subscribers',
        query: { wait: true },
        upload: { csv: `sdt,unit_code\n${w.b.phones[2]},${w.a.codes[1]}\n0987659997,${w.b.codes[1]}\n` },
        expect: [200],
        why: 'rows naming B’s numbers or units are rejected; the import (A’s own) stores nothing of them',
      },
    ],
  },
  'GET /api/v1/imports/{id}': { roles: READ, probes: (w) => [at(`/api/v1/imports/${w.b.importId}`, {}, [404])] },
  'GET /api/v1/imports/{id}/rejections.csv': {
    roles: READ,
    probes: (w) => [at(`/api/v1/imports/${w.b.importId}/rejections.csv`, {}, [404])],
  },
  'GET /api/v1/imports/{id}/rejections': {
    roles: READ,
    probes: (w) => [at(`/api/v1/imports/${w.b.importId}/rejections`, {}, [404])],
  },
  'POST /api/v1/imports/{id}/cancel': {
    roles: WRITE,
    probes: (w) => [json(`/api/v1/imports/${w.b.importId}/cancel`, {}, [404])],
  },
  'POST /api/v1/dnc': {
    roles: WRITE,
    probes: (w) => [
      {
        path: '/api/v1/dnc',
        body: { phones: [w.b.phones[2]] },
        expect: [201],
        why: 'the DNC list is national and only ever stops messages; it answers as for any number',
      },
    ],
  },
  'DELETE /api/v1/dnc/{phone}': { national: true, probes: (w) => [at(`/api/v1/dnc/${w.b.phones[2]}`)] },
  'POST /api/v1/carrier-overrides': {
    national: true,
    probes: (w) => [
      {
        path: '/api/v1/carrier-overrides',
        upload: { csv: `phone,carrier\n${w.b.phones[0]},mobifone\n` },
        expect: [403],
      },
    ],
  },

  'POST /api/v1/segments': {
    roles: WRITE,
    probes: (w) => [
      json('/api/v1/segments', { name: 'Z', filter: { unitIds: [w.b.commune] } }, [403]),
      json('/api/v1/segments', { name: 'Z', filter: {}, unitId: w.b.district }, [403]),
    ],
  },
  'GET /api/v1/segments': { roles: READ, probes: () => [list('/api/v1/segments')] },
  'POST /api/v1/segments/count': {
    roles: READ,
    probes: (w) => [
      json('/api/v1/segments/count', { filter: { unitIds: [w.b.commune] } }, [403]),
      json('/api/v1/segments/count', { filter: {}, unitId: w.b.district }, [403]),
      { path: '/api/v1/segments/count', body: { filter: { tags: { any: [w.b.tag] } } }, expect: [200], nothing: true },
    ],
  },
  'GET /api/v1/segments/{id}': { roles: READ, probes: (w) => [at(`/api/v1/segments/${w.b.segmentId}`)] },
  'PATCH /api/v1/segments/{id}': {
    roles: WRITE,
    probes: (w) => [
      json(`/api/v1/segments/${w.b.segmentId}`, { name: 'Z' }),
      json(`/api/v1/segments/${w.a.segmentId}`, { filter: { unitIds: [w.b.commune] } }, [403]),
      json(`/api/v1/segments/${w.a.segmentId}`, { unitId: w.b.district }, [403]),
    ],
  },
  'DELETE /api/v1/segments/{id}': { roles: WRITE, probes: (w) => [at(`/api/v1/segments/${w.b.segmentId}`)] },
  'GET /api/v1/segments/{id}/count': { roles: READ, probes: (w) => [at(`/api/v1/segments/${w.b.segmentId}/count`)] },

  'POST /api/v1/templates': {
    roles: WRITE,
    probes: (w) => [
      json('/api/v1/templates', { name: 'Z', channel: 'sms', body: 'Z {{link}}', unitId: w.b.district }, [403]),
      {
        path: '/api/v1/templates',
        body: { name: 'Z', channel: 'sms', body: 'Z {{unit}} {{link}}', unitId: w.a.commune },
        expect: [201],
        why: 'A’s own template: its longest rendering may only use unit names of A’s subtree',
      },
    ],
  },
  'GET /api/v1/templates': { roles: READ, probes: () => [list('/api/v1/templates')] },
  'POST /api/v1/templates/preview': {
    roles: READ,
    probes: () => [
      json('/api/v1/templates/preview', { channel: 'sms', body: 'Z {{unit}} {{link}}' }, [200]),
      json('/api/v1/templates/preview', { channel: 'sms', body: '{{unit}}', unaccented: false }, [200]),
    ],
  },
  'GET /api/v1/templates/{id}': { roles: READ, probes: (w) => [at(`/api/v1/templates/${w.b.templateId}`)] },
  'PATCH /api/v1/templates/{id}': {
    roles: WRITE,
    probes: (w) => [
      json(`/api/v1/templates/${w.b.templateId}`, { name: 'Z' }),
      json(`/api/v1/templates/${w.a.templateId}`, { unitId: w.b.district }, [403]),
    ],
  },
  'DELETE /api/v1/templates/{id}': { roles: WRITE, probes: (w) => [at(`/api/v1/templates/${w.b.templateId}`)] },

  'POST /api/v1/campaigns': {
    roles: WRITE,
    probes: (w) => [
      json('/api/v1/campaigns', sms(w, { segmentId: w.b.segmentId }), [403]),
      json('/api/v1/campaigns', sms(w, { channels: [{ channel: 'sms', templateId: w.b.templateId }] }), [403]),
      json('/api/v1/campaigns', sms(w, { unitId: w.b.district }), [403]),
    ],
  },
  'GET /api/v1/campaigns': {
    roles: READ,
    probes: () => [list('/api/v1/campaigns'), list('/api/v1/campaigns', { status: 'running' })],
  },
  'POST /api/v1/campaigns/preview': {
    roles: WRITE,
    probes: (w) => [
      json('/api/v1/campaigns/preview', sms(w, { segmentId: w.b.segmentId }), [403]),
      json('/api/v1/campaigns/preview', sms(w, { unitId: w.b.district }), [403]),
      {
        path: '/api/v1/campaigns/preview',
        body: sms(w),
        expect: [200],
        why: 'A’s own campaign (a read): its message estimate may only use unit names of A’s subtree',
      },
    ],
  },
  'GET /api/v1/campaigns/{id}': { roles: READ, probes: (w) => [at(`/api/v1/campaigns/${w.b.campaignId}`)] },
  'PATCH /api/v1/campaigns/{id}': {
    roles: WRITE,
    probes: (w) => [
      json(`/api/v1/campaigns/${w.b.campaignId}`, { name: 'Z' }),
      json(`/api/v1/campaigns/${w.a.campaignId}`, { segmentId: w.b.segmentId }, [403, 409]),
    ],
  },
  'DELETE /api/v1/campaigns/{id}': { roles: WRITE, probes: (w) => [at(`/api/v1/campaigns/${w.b.campaignId}`)] },
  'GET /api/v1/campaigns/{id}/preview': {
    roles: READ,
    probes: (w) => [at(`/api/v1/campaigns/${w.b.campaignId}/preview`)],
  },
  'POST /api/v1/campaigns/{id}/schedule': {
    roles: WRITE,
    probes: (w) => [json(`/api/v1/campaigns/${w.b.campaignId}/schedule`, {})],
  },
  'POST /api/v1/campaigns/{id}/pause': {
    roles: WRITE,
    probes: (w) => [json(`/api/v1/campaigns/${w.b.campaignId}/pause`, {})],
  },
  'POST /api/v1/campaigns/{id}/resume': {
    roles: WRITE,
    probes: (w) => [json(`/api/v1/campaigns/${w.b.campaignId}/resume`, {})],
  },
  'POST /api/v1/campaigns/{id}/cancel': {
    roles: WRITE,
    probes: (w) => [json(`/api/v1/campaigns/${w.b.campaignId}/cancel`, {})],
  },
  'GET /api/v1/campaigns/{id}/runs': { roles: READ, probes: (w) => [at(`/api/v1/campaigns/${w.b.campaignId}/runs`)] },
  'GET /api/v1/runs/{id}': { roles: READ, probes: (w) => [at(`/api/v1/runs/${w.b.runId}`)] },
  'GET /api/v1/campaigns/{id}/holds': { roles: READ, probes: (w) => [at(`/api/v1/campaigns/${w.b.campaignId}/holds`)] },
  'DELETE /api/v1/campaigns/{id}/holds/{gatewayId}': {
    roles: WRITE,
    probes: (w) => [at(`/api/v1/campaigns/${w.b.campaignId}/holds/viettel`)],
  },

  // Gateways are national configuration, readable by every key: they carry no district's data.
  'GET /api/v1/gateways': { roles: READ, probes: () => [list('/api/v1/gateways')] },
  'GET /api/v1/gateways/routes': { roles: READ, probes: () => [list('/api/v1/gateways/routes')] },
  'PATCH /api/v1/gateways/{id}': {
    national: true,
    probes: (w) => w.gatewayIds.map((id) => json(`/api/v1/gateways/${id}`, { ratePerSecond: 1 }, [403])),
  },
  'DELETE /api/v1/gateways/{id}/pause': {
    national: true,
    probes: () => [at('/api/v1/gateways/viettel/pause', {}, [403])],
  },
  'PUT /api/v1/gateways/{id}/refresh-token': {
    national: true,
    probes: () => [json('/api/v1/gateways/zalo/refresh-token', { refreshToken: 'x'.repeat(40) }, [403])],
  },

  'POST /api/v1/installs': {
    roles: WRITE,
    probes: (w) => [
      {
        path: '/api/v1/installs',
        body: w.b.phones,
        expect: [200],
        why: 'numbers outside the key answer "unknown", as numbers that are nobody’s; nothing of B’s is recorded',
      },
    ],
  },
  'POST /api/v1/installs/import': {
    roles: WRITE,
    probes: (w) => [
      {
        path: '/api/v1/installs/import',
        upload: { csv: `phone\n${w.b.phones.join('\n')}\n` },
        expect: [200],
        why: 'as POST /installs',
      },
    ],
  },

  'GET /api/v1/stats': { roles: READ, probes: (w) => statsProbes('/api/v1/stats', w) },
  'GET /api/v1/stats.csv': { roles: READ, probes: (w) => statsProbes('/api/v1/stats.csv', w) },
  'GET /api/v1/stats/failures.csv': {
    roles: READ,
    probes: (w) => [
      list('/api/v1/stats/failures.csv', { runId: w.a.runId }),
      none('/api/v1/stats/failures.csv', { runId: w.b.runId }),
    ],
  },
  'GET /api/v1/stats/overview': { roles: READ, probes: () => [list('/api/v1/stats/overview')] },
  'GET /api/v1/stats/campaigns': { roles: READ, probes: () => [list('/api/v1/stats/campaigns')] },
  'GET /api/v1/stats/live': {
    roles: READ,
    probes: (w) => [
      list('/api/v1/stats/live', { runId: w.a.runId }),
      at('/api/v1/stats/live', { runId: w.b.runId }, [404]),
    ],
  },
  'GET /api/v1/reports/progress': { roles: READ, probes: (w) => progressProbes('/api/v1/reports/progress', w) },
  'GET /api/v1/reports/progress.csv': { roles: READ, probes: (w) => progressProbes('/api/v1/reports/progress.csv', w) },
};

function statsProbes(path: string, w: World): Probe[] {
  return [
    ...['campaign', 'run', 'channel', 'carrier', 'unit', 'day'].map((groupBy) => list(path, { groupBy })),
    none(path, { groupBy: 'campaign', campaignId: w.b.campaignId }),
    none(path, { groupBy: 'run', runId: w.b.runId }),
    at(path, { groupBy: 'unit', unitId: w.b.district }, [403]),
    at(path, { groupBy: 'unit', unitId: w.province }, [403]),
  ];
}

function progressProbes(path: string, w: World): Probe[] {
  return [
    list(path, { from: TODAY, to: TODAY }),
    at(path, { from: TODAY, to: TODAY, unitId: w.b.district }, [403]),
    at(path, { from: TODAY, to: TODAY, unitId: w.province }, [403]),
  ];
}
