import { ApiKeysService } from '@loa/access';
import { ApiHarness, registrationsFor } from '@loa/testing';

/**
 * Two districts under one province, each with units, people, a segment, a template, a campaign with a run that
 * sent, was clicked and led to an install, an import with a rejected row, a hold, statistics, and keys. District B's
 * strings all carry a marker (`qbeta`, its unit codes, its numbers) that no answer to district A may contain.
 */
export interface District {
  district: number;
  commune: number;
  codes: [string, string];
  /** Canonical numbers (84…). */
  phones: string[];
  subscriberId: number;
  segmentId: number;
  templateId: number;
  campaignId: number;
  runId: string;
  linkCode: string;
  importId: number;
  adminKeyId: number;
  tag: string;
  keys: { operator: string; analyst: string; admin: string };
}

export interface World {
  province: number;
  a: District;
  b: District;
  /** What must never reach district A: B's names (all contain "qbeta"), unit codes, tag and numbers. */
  markers: string[];
  gatewayIds: string[];
}

/** B's commune has the longest unit name in the database: a rendering "at its longest" would pick it. */
const NAMES = {
  a: { district: 'Huyện Qalpha', commune: 'Xã Qalpha Đông', person: 'Qalpha Người' },
  b: { district: 'Huyện Qbeta', commune: 'Xã Qbeta Thượng Nguồn Hẻo Lánh Xa Xôi Nhất Vùng Cao', person: 'Qbeta Người' },
};

export async function seedWorld(h: ApiHarness): Promise<World> {
  const admin = { Authorization: `Bearer ${h.adminToken}` };
  const post = async (path: string, body: object) => {
    const res = await h.http().post(`/api/v1${path}`).set(admin).send(body);
    if (res.status !== 201) throw new Error(`seeding ${path}: ${res.status} ${res.text}`);
    return res.body as { id: number };
  };
  const province = (await post('/units', { code: 'QG1', name: 'Tỉnh Qgamma', level: 'province' })).id;
  const keys = h.app.get(ApiKeysService);

  async function district(side: 'a' | 'b', codes: [string, string], phones: string[]): Promise<District> {
    const n = NAMES[side];
    const tag = `q${side}tag`;
    const d = (await post('/units', { code: codes[0], name: n.district, level: 'district', parentId: province })).id;
    const c = (await post('/units', { code: codes[1], name: n.commune, level: 'commune', parentId: d })).id;
    const subs: number[] = [];
    for (const [i, phone] of phones.entries()) {
      subs.push((await post('/subscribers', { phone, unitId: c, name: `${n.person} ${i}`, tags: [tag] })).id);
    }
    const segmentId = (
      await post('/segments', { name: `${n.person} segment`, filter: { tags: { any: [tag] } }, unitId: d })
    ).id;
    const body = `${n.person} {{unit}} {{link}}`;
    const tpl = {
      name: `${n.person} template`,
      channel: 'sms',
      body,
      unitId: d,
      registrations: registrationsFor(h.cfg, body),
    };
    const templateId = (await post('/templates', tpl)).id;
    const campaignId = (
      await post('/campaigns', {
        name: `${n.person} campaign`,
        unitId: d,
        segmentId,
        brandname: 'SOTTTT',
        channels: [{ channel: 'sms', templateId }],
        runAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
    ).id;
    const linkCode = `q${side === 'a' ? 'alpha' : 'beta'}l1`;
    const runId = await seedRun(h, campaignId, subs[0], phones[0], c, linkCode);
    const token = (role: 'operator' | 'analyst' | 'admin') => keys.create(`${n.person} ${role} key`, role, d, null);
    const [operator, analyst, adminKey] = [await token('operator'), await token('analyst'), await token('admin')];
    // An import by the district's own operator, with a rejected row (its raw text is the district's).
    const csv = `sdt,ten\n${phones[phones.length - 1]},${n.person} import\nxx-${n.person}-bad,x\n`;
    const imp = await h
      .http()
      .post('/api/v1/imports/subscribers?wait=true')
      .set({ Authorization: `Bearer ${operator.token}` })
      .field('unitCode', codes[1])
      .attach('file', Buffer.from(csv), `${n.person}.csv`)
      .expect(200);
    return {
      district: d,
      commune: c,
      codes,
      phones: phones.map((p) => `84${p.slice(1)}`),
      subscriberId: subs[0],
      segmentId,
      templateId,
      campaignId,
      runId,
      linkCode,
      importId: imp.body.id,
      adminKeyId: adminKey.id,
      tag,
      keys: { operator: operator.token, analyst: analyst.token, admin: adminKey.token },
    };
  }

  const a = await district('a', ['QA901', 'QA902'], ['0987640001', '0987640002', '0987640003']);
  const b = await district('b', ['QB901', 'QB902'], ['0987650001', '0987650002', '0987650003']);
  const markers = ['qbeta', ...b.codes, b.tag, ...b.phones.map((p) => p.slice(2))];
  return { province, a, b, markers, gatewayIds: h.cfg.gateways.map((g) => g.id) };
}

/**
 * A run of the campaign that sent to one person: a delivered message, a human click, an install, a hold on a
 * gateway and the roll-up's statistics row, straight in SQL (no worker runs in the sweep).
 */
async function seedRun(
  h: ApiHarness,
  campaignId: number,
  subscriberId: number,
  phone: string,
  unitId: number,
  code: string,
) {
  const q = (text: string, params: unknown[]) => h.sql.query(text, params).then((r) => r.rows);
  await q(`UPDATE campaigns SET status = 'running' WHERE id = $1`, [campaignId]);
  const [run] = await q(
    `INSERT INTO campaign_runs (campaign_id, fire_time, status, expires_at, targeted, started_at)
     VALUES ($1, now() - interval '1 hour', 'dispatching', now() + interval '11 hours', 1, now()) RETURNING id::text`,
    [campaignId],
  );
  const canonical = `84${phone.slice(1)}`;
  const [d] = await q(
    `INSERT INTO deliveries (run_id, campaign_id, subscriber_id, phone, carrier, unit_id, link_code, status, sent_at,
                             delivered_at, first_clicked_at)
     VALUES ($1, $2, $3, $4, 'viettel', $5, $6, 'failed', now(), NULL, now()) RETURNING id`,
    [run.id, campaignId, subscriberId, canonical, unitId, code],
  );
  await q(
    `INSERT INTO messages (delivery_id, channel_index, channel, gateway_id, request_id, status, sent_at, error_text)
     VALUES ($1, 0, 'sms', 'viettel', $2, 'failed', now(), $3)`,
    [d.id, `req-${code}`, `refused for ${code}`],
  );
  await q(
    `INSERT INTO clicks (stream_id, delivery_id, campaign_id, run_id, subscriber_id, at, platform, ua_class)
     VALUES ($1, $2, $3, $4, $5, now(), 'android', 'human')`,
    [`s-${code}`, d.id, campaignId, run.id, subscriberId],
  );
  await q(
    `INSERT INTO installs (subscriber_id, phone, unit_id, installed_at, delivery_id, campaign_id, run_id, via, source)
     VALUES ($1, $2, $3, now(), $4, $5, $6, 'click', 'api')`,
    [subscriberId, canonical, unitId, d.id, campaignId, run.id],
  );
  await q(`UPDATE subscribers SET installed_at = now(), last_clicked_at = now() WHERE id = $1`, [subscriberId]);
  await q(
    `INSERT INTO campaign_gateway_holds (campaign_id, gateway_id, code, text) VALUES ($1, 'viettel', 'REFUSED', $2)`,
    [campaignId, `hold for ${code}`],
  );
  await q(
    `INSERT INTO stats_daily (day, campaign_id, run_id, channel, carrier, unit_id, targeted, sent, failed, clicked,
                              installed, cost, failures)
     VALUES ((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, $1, $2, 'sms', 'viettel', $3, 1, 1, 1, 1, 1, 750, $4)`,
    [campaignId, run.id, unitId, JSON.stringify({ [`E_${code}`]: 1 })],
  );
  return run.id as string;
}

/** One digest of every row of district B (its units, people, audiences, campaigns and all that hangs off them). */
export async function digestOf(h: ApiHarness, b: District): Promise<Record<string, string>> {
  const inB = `(SELECT id FROM units WHERE path LIKE (SELECT path FROM units WHERE id = ${b.district}) || '%')`;
  const tables: Record<string, string> = {
    units: `SELECT * FROM units WHERE id IN ${inB}`,
    subscribers: `SELECT * FROM subscribers WHERE unit_id IN ${inB} OR phone = ANY('{${b.phones.join(',')}}')`,
    segments: `SELECT * FROM segments WHERE unit_id IN ${inB}`,
    templates: `SELECT * FROM templates WHERE unit_id IN ${inB}`,
    campaigns: `SELECT * FROM campaigns WHERE unit_id IN ${inB}`,
    campaign_runs: `SELECT * FROM campaign_runs WHERE campaign_id IN (SELECT id FROM campaigns WHERE unit_id IN ${inB})`,
    deliveries: `SELECT * FROM deliveries WHERE unit_id IN ${inB}`,
    messages: `SELECT m.* FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE d.unit_id IN ${inB}`,
    clicks: `SELECT * FROM clicks WHERE campaign_id = ${b.campaignId}`,
    installs: `SELECT * FROM installs WHERE unit_id IN ${inB}`,
    holds: `SELECT * FROM campaign_gateway_holds WHERE campaign_id = ${b.campaignId}`,
    stats_daily: `SELECT * FROM stats_daily WHERE unit_id IN ${inB}`,
    imports: `SELECT * FROM imports WHERE unit_id IN ${inB}`,
    import_rejections: `SELECT r.* FROM import_rejections r JOIN imports i ON i.id = r.import_id WHERE i.unit_id IN ${inB}`,
    // last_used_at moves when B's own keys are used; the sweep never uses them.
    api_keys: `SELECT * FROM api_keys WHERE unit_id IN ${inB}`,
  };
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(tables)) {
    const { rows } = await h.sql.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM (${sql}) t`,
    );
    out[name] = `${rows[0].n}:${rows[0].digest}`;
  }
  return out;
}
