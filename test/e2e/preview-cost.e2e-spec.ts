import {
  ApiHarness,
  registerAtRemoteSimulators,
  registrationsFor,
  SimProcess,
  startApi,
  startSimulatorProcess,
  startWorkerProcess,
  testConfig,
  uniqueName,
  waitFor,
  WorkerProcess,
} from '@loa/testing';
import { pointGatewaysAt } from '../../apps/carrier-sim/src';

jest.setTimeout(180_000);

/** Long enough that a long name and unit push a person's SMS into a second part, a short one keeps it in one. */
const BODY = 'Chao {{name|ban}} ({{unit}}): hay cai Bluezone tai {{link}} de bao ve ban va gia dinh. So TTTT Thai Binh';
const NAMES = [null, 'An', 'Lê Thị Hoa', 'Nguyễn Thị Phương Thảo Hoàng Minh Ngọc Anh Thư', 'Trần Văn Bình'];
/** Carriers by prefix: Viettel and VinaPhone direct (VNPT: its registered template, filled), the rest via eSMS. */
const PREFIXES = ['8496', '8491', '8490', '8492', '8498'];

/**
 * What the preview says a campaign costs is what statistics report once it was sent (issue 10.6): an SMS campaign
 * over all three SMS gateways — VNPT sending its registered template with parameters — to people whose names and
 * units give one- and two-part messages, sent through the simulators by a worker process.
 */
describe('preview cost equals the reported cost (e2e)', () => {
  let sims: SimProcess;
  let h: ApiHarness;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    sims = await startSimulatorProcess(testConfig(uniqueName('sims')));
    h = await startApi((cfg) => {
      pointGatewaysAt(cfg, sims);
      cfg.tracking.statsRollupMs = 500;
    });
    for (const s of sims.all) await s.configure({ dlr: { enabled: false }, latencyMs: 0, jitterMs: 0 });
    await h.sql.query(`INSERT INTO units (id, code, name, level, parent_id, path, depth) VALUES
      (1, 'P', 'Tỉnh Thái Bình', 'province', NULL, '/1/', 1),
      (2, 'D1', 'Huyện Hưng Hà', 'district', 1, '/1/2/', 2),
      (3, 'X1', 'Thị trấn Diêm Điền thuộc huyện Thái Thụy', 'commune', 1, '/1/3/', 2)`);
    await h.sql.query(
      `INSERT INTO subscribers (phone, carrier, unit_id, name)
       SELECT p || lpad(i::text, 7, '0'),
              CASE p WHEN '8496' THEN 'viettel' WHEN '8498' THEN 'viettel' WHEN '8491' THEN 'vinaphone'
                     WHEN '8490' THEN 'mobifone' ELSE 'vietnamobile' END,
              2 + i % 2, ($2::text[])[1 + i % 5]
         FROM unnest($1::text[]) p, generate_series(1, 24) i`,
      [PREFIXES, NAMES],
    );
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
    await sims?.stop();
  });

  it('reports, after sending, the cost and parts the preview estimated, carrier by carrier', async () => {
    const auth = { Authorization: `Bearer ${h.adminToken}` };
    const post = (path: string, b: object = {}) => h.http().post(`/api/v1${path}`).set(auth).send(b);
    const registrations = registrationsFor(h.cfg, BODY);
    await registerAtRemoteSimulators(sims, h.cfg, { registrations, brandname: 'SO TTTT' });
    const segment = (await post('/segments', { name: 'all', filter: {} }).expect(201)).body.id;
    const tpl = (await post('/templates', { name: 'nhắc', channel: 'sms', body: BODY, registrations }).expect(201)).body
      .id;
    const { body: c } = await post('/campaigns', {
      name: 'Nhắc cài Bluezone',
      segmentId: segment,
      brandname: 'SO TTTT',
      channels: [{ channel: 'sms', templateId: tpl }],
      runAt: new Date(Date.now() + 2000).toISOString(),
      windowStart: '00:00',
      windowEnd: '24:00',
    }).expect(201);
    const { body: preview } = await h.http().get(`/api/v1/campaigns/${c.id}/preview`).set(auth).expect(200);
    expect(preview.reach.total).toBe(PREFIXES.length * 24);
    expect(preview.cost.assumptions).toEqual([]);
    // The audience really has one- and two-part messages (so the longest rendering would overestimate).
    expect(preview.message.sms.segments).toBe(2);
    const estimated = Object.fromEntries(
      preview.cost.sms.map((e: { carrier: string; segments: number; cost: number }) => [
        e.carrier,
        { segments: e.segments, cost: e.cost },
      ]),
    );
    const people = preview.reach.total;
    const total = Object.values(estimated as Record<string, { segments: number }>).reduce((n, e) => n + e.segments, 0);
    expect(total).toBeGreaterThan(people);
    expect(total).toBeLessThan(2 * people);

    await post(`/campaigns/${c.id}/schedule`).expect(200);
    worker = await startWorkerProcess(h.cfg, { name: uniqueName('preview-cost') });
    await waitFor(
      'everyone sent',
      async () =>
        (await h.sql.query(`SELECT count(*)::int AS n FROM messages WHERE sent_at IS NOT NULL`)).rows[0].n === people,
      120_000,
      250,
    );
    const { rows } = await h.sql.query(
      `SELECT d.carrier, sum(m.segments)::int AS segments, sum(m.cost)::float8 AS cost
         FROM messages m JOIN deliveries d ON d.id = m.delivery_id WHERE m.sent_at IS NOT NULL GROUP BY d.carrier`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.carrier, { segments: r.segments, cost: r.cost }]))).toEqual(estimated);
    // The simulators received exactly those parts (VNPT: its registered text, filled).
    const received = (await Promise.all(sims.all.map((s) => s.messages()))).flat();
    expect(received).toHaveLength(people);
    // Statistics (rolled up by the worker) report the preview's total.
    await waitFor(
      'the statistics to report the cost',
      async () => {
        const { body } = await h.http().get(`/api/v1/stats?groupBy=campaign&campaignId=${c.id}`).set(auth).expect(200);
        return body[0]?.cost === preview.cost.total ? body[0] : null;
      },
      60_000,
      250,
    );
  });
});
