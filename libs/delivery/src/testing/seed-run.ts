import { Client } from 'pg';
import { TemplateRegistrations } from '@loa/templates';

/** Carrier → a current mobile prefix (84 + 2 digits) used to generate test numbers. */
export const TEST_PREFIXES: Record<string, string> = {
  viettel: '8496',
  vinaphone: '8491',
  mobifone: '8490',
  vietnamobile: '8492',
  gmobile: '8499',
  itel: '8487',
};
const CARRIERS = Object.keys(TEST_PREFIXES);

/** The seeded SMS template (unaccented when sent) and how it is registered at the default gateways. */
export const SEED_SMS_BODY = 'Chào {{name|bạn}}, hãy cài Bluezone để bảo vệ bản thân: {{link}}';
const SEED_SMS_REGISTERED_TEXT = 'Chao {1}, hay cai Bluezone de bao ve ban than: {2}';
export const SEED_SMS_REGISTRATIONS: TemplateRegistrations = {
  viettel: { content: SEED_SMS_REGISTERED_TEXT },
  esms: { content: SEED_SMS_REGISTERED_TEXT },
  vnpt: { templateId: '3101', text: SEED_SMS_REGISTERED_TEXT, params: { '1': '{{name|ban}}', '2': '{{link}}' } },
};
/** The seeded ZNS template and the brandname the seeded campaign sends under. */
export const SEED_ZNS = { znsTemplateId: '231001', znsParams: { name: '{{name|bạn}}', link_code: '{{link_code}}' } };
export const SEED_BRANDNAME = 'SO TTTT';
/** What the gateways must have registered for the seeded campaign (registerAtSimulators takes it as is). */
export const SEED_TEMPLATES = { registrations: SEED_SMS_REGISTRATIONS, ...SEED_ZNS, brandname: SEED_BRANDNAME };

export interface SeededRun {
  runId: string;
  campaignId: number;
  count: number;
}

export interface SeedRunOptions {
  count: number;
  firstNumber: number;
  channels: ('zns' | 'sms')[];
  validityHours?: number;
  name?: string;
}

/**
 * Test and bench data straight in SQL (the campaigns fan-out is not needed to exercise dispatch): `count`
 * subscribers numbered from `firstNumber`, spread evenly over the six carriers, one campaign with `channels`,
 * a `dispatching` run and its `pending` deliveries. Templates: ZNS with name + link_code, unaccented SMS with
 * SEED_SMS_REGISTRATIONS (the default gateway ids), so VNPT sends carry template params; the simulators need
 * SEED_TEMPLATES registered (registerAtSimulators).
 */
export async function seedDispatchRun(sql: Client, opts: SeedRunOptions): Promise<SeededRun> {
  // One transaction: a worker's housekeeping sweep must never see the `dispatching` run before its deliveries (it
  // would complete an empty run).
  await sql.query('BEGIN');
  try {
    const run = await seedInTransaction(sql, opts);
    await sql.query('COMMIT');
    return run;
  } catch (e) {
    await sql.query('ROLLBACK');
    throw e;
  }
}

async function seedInTransaction(sql: Client, opts: SeedRunOptions): Promise<SeededRun> {
  const [{ id: segmentId }] = (await sql.query(`INSERT INTO segments (name, filter) VALUES ('all', '{}') RETURNING id`))
    .rows;
  const [{ id: smsTpl }] = (
    await sql.query(
      `INSERT INTO templates (name, channel, body, unaccented, registrations) VALUES ('sms', 'sms', $1, true, $2)
       RETURNING id`,
      [SEED_SMS_BODY, JSON.stringify(SEED_SMS_REGISTRATIONS)],
    )
  ).rows;
  const [{ id: znsTpl }] = (
    await sql.query(
      `INSERT INTO templates (name, channel, zns_template_id, zns_params) VALUES ('zns', 'zns', $1, $2) RETURNING id`,
      [SEED_ZNS.znsTemplateId, SEED_ZNS.znsParams],
    )
  ).rows;
  const channels = opts.channels.map((c) => ({ channel: c, templateId: c === 'sms' ? smsTpl : znsTpl }));
  const [{ id: campaignId }] = (
    await sql.query(
      `INSERT INTO campaigns (name, segment_id, status, brandname, channels, window_start_minute, window_end_minute)
       VALUES ($1, $2, 'running', $4, $3, 0, 1440) RETURNING id`,
      [opts.name ?? 'dispatch test', segmentId, JSON.stringify(channels), SEED_BRANDNAME],
    )
  ).rows;
  const [{ id: runId }] = (
    await sql.query(
      `INSERT INTO campaign_runs (campaign_id, fire_time, status, expires_at, targeted, started_at)
       VALUES ($1, now(), 'dispatching', now() + make_interval(hours => $2), $3, now()) RETURNING id::text`,
      [campaignId, opts.validityHours ?? 12, opts.count],
    )
  ).rows;
  await sql.query(
    `INSERT INTO subscribers (phone, carrier, name)
     SELECT ($3::text[])[(i % 6) + 1] || lpad(i::text, 7, '0'), ($4::text[])[(i % 6) + 1], 'Nguyễn Văn ' || i
       FROM generate_series($1::int, $1::int + $2::int - 1) i
     ON CONFLICT (phone) DO NOTHING`,
    [opts.firstNumber, opts.count, CARRIERS.map((c) => TEST_PREFIXES[c]), CARRIERS],
  );
  await sql.query(
    `INSERT INTO deliveries (run_id, campaign_id, subscriber_id, phone, carrier, unit_id, link_code)
     SELECT $1::bigint, $2, s.id, s.phone, s.carrier, s.unit_id, 'r' || $1::text || 'x' || s.id
       FROM subscribers s
      WHERE s.phone = ANY (SELECT ($5::text[])[(i % 6) + 1] || lpad(i::text, 7, '0')
                             FROM generate_series($3::int, $3::int + $4::int - 1) i)`,
    [runId, campaignId, opts.firstNumber, opts.count, CARRIERS.map((c) => TEST_PREFIXES[c])],
  );
  return { runId, campaignId, count: opts.count };
}

/** Highest number of instants in any half-open window of `spanMs` (how a gateway counts a sliding second). */
export function maxInSlidingWindow(sortedMs: number[], spanMs = 1000): number {
  let max = 0;
  let head = 0;
  for (let i = 0; i < sortedMs.length; i++) {
    while (sortedMs[i] - sortedMs[head] >= spanMs) head++;
    max = Math.max(max, i - head + 1);
  }
  return max;
}

/** Accepted per second over the first `k` accepted sends (all of which were queued from the start: backlogged). */
export function backloggedThroughput(sortedMs: number[], k: number): number {
  const n = Math.min(k, sortedMs.length);
  if (n < 2) return 0;
  return (n - 1) / ((sortedMs[n - 1] - sortedMs[0]) / 1000);
}

/** Instants per whole calendar second, over the seconds strictly between the first and the last (both partial). */
export function innerSecondsRate(sortedMs: number[]): number {
  if (sortedMs.length < 2) return 0;
  const first = Math.floor(sortedMs[0] / 1000);
  const last = Math.floor(sortedMs[sortedMs.length - 1] / 1000);
  if (last - first < 2) return backloggedThroughput(sortedMs, sortedMs.length);
  const inner = sortedMs.filter((t) => t >= (first + 1) * 1000 && t < last * 1000).length;
  return inner / (last - first - 1);
}
