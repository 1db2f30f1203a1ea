import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertWithin, Principal, unitScopeSql } from '@loa/access';
import { LATENCY_COLUMNS, percentileFromBuckets } from './latency';

export const GROUP_BYS = ['campaign', 'run', 'channel', 'carrier', 'unit', 'day'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface StatsFilter {
  groupBy: GroupBy;
  campaignId?: number;
  runId?: string;
  unitId?: number;
  channel?: string;
  carrier?: string;
  /** Inclusive local days (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export interface StatsRow {
  key: string;
  label: string;
  targeted: number;
  sent: number;
  delivered: number;
  failed: number;
  expired: number;
  clicked: number;
  botClicks: number;
  installed: number;
  cost: number;
  failures: Record<string, number>;
  /** delivered / sent */
  deliveryRate: number | null;
  /** unique human clicks / delivered */
  clickThrough: number | null;
  /** attributed installs / delivered */
  conversion: number | null;
  latencyP50S: number | null;
  latencyP95S: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** Reads the pre-aggregated `stats_daily` (never the deliveries table), scoped to the caller's units. */
@Injectable()
export class StatsQueryService {
  constructor(private readonly ds: DataSource) {}

  async unitPath(unitId: number): Promise<string> {
    const [u] = await this.ds.query(`SELECT path FROM units WHERE id = $1`, [unitId]);
    if (!u) throw new BadRequestException(`unitId ${unitId} does not exist`);
    return u.path;
  }

  async stats(who: Principal, f: StatsFilter): Promise<StatsRow[]> {
    const params: unknown[] = [];
    const where = [unitScopeSql(who, 's.unit_id', params)];
    const p = (v: unknown) => (params.push(v), `$${params.length}`);
    if (f.campaignId !== undefined) where.push(`s.campaign_id = ${p(f.campaignId)}`);
    if (f.runId !== undefined) where.push(`s.run_id = ${p(f.runId)}`);
    if (f.channel) where.push(`s.channel = ${p(f.channel)}`);
    if (f.carrier) where.push(`s.carrier = ${p(f.carrier)}`);
    if (f.from) where.push(`s.day >= ${p(f.from)}::date`);
    if (f.to) where.push(`s.day <= ${p(f.to)}::date`);
    let baseUnit: number | null = f.unitId ?? who.unitId;
    if (f.unitId !== undefined) {
      const path = await this.unitPath(f.unitId);
      assertWithin(who, path);
      where.push(`s.unit_id IN (SELECT id FROM units WHERE path LIKE ${p(`${path}%`)})`);
    }
    let from = 'stats_daily s';
    let key: string;
    let label: string;
    switch (f.groupBy) {
      case 'campaign':
        from += ' LEFT JOIN campaigns c ON c.id = s.campaign_id';
        key = 's.campaign_id::text';
        label = `coalesce(min(c.name), 'campaign ' || min(s.campaign_id))`;
        break;
      case 'run':
        from += ' LEFT JOIN campaign_runs r ON r.id = s.run_id';
        key = 's.run_id::text';
        label = `to_char(min(r.fire_time) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI')`;
        break;
      case 'channel':
      case 'carrier':
        key = `s.${f.groupBy}`;
        label = key;
        break;
      case 'day':
        key = `to_char(s.day, 'YYYY-MM-DD')`;
        label = key;
        break;
      case 'unit': {
        // Each child of the base unit stands for its whole subtree (materialised paths); rows attached to the
        // base unit itself form their own group.
        baseUnit ??= null;
        const b = p(baseUnit);
        from += ` JOIN units u ON u.id = s.unit_id
                  JOIN units g ON (g.parent_id IS NOT DISTINCT FROM ${b}::int AND u.path LIKE g.path || '%')
                               OR (g.id = ${b}::int AND u.id = g.id)`;
        key = 'g.id::text';
        label = 'min(g.name)';
        break;
      }
      default:
        throw new BadRequestException(`groupBy must be one of ${GROUP_BYS.join(', ')}`);
    }
    const rows = await this.ds.query(
      `SELECT ${key} AS key, ${label} AS label,
              sum(s.targeted)::int AS targeted, sum(s.sent)::int AS sent, sum(s.delivered)::int AS delivered,
              sum(s.failed)::int AS failed, sum(s.expired)::int AS expired, sum(s.clicked)::int AS clicked,
              sum(s.bot_clicks)::int AS bot_clicks, sum(s.installed)::int AS installed, sum(s.cost)::float8 AS cost,
              jsonb_agg(s.failures) AS failures,
              ARRAY[${LATENCY_COLUMNS.map((c) => `sum(s.${c})::int`).join(', ')}] AS lat
         FROM ${from}
        WHERE ${where.join(' AND ')}
        GROUP BY ${key}
        ORDER BY ${key}`,
      params,
    );
    return rows.map(toRow);
  }
}

function toRow(r: Record<string, never>): StatsRow {
  const failures: Record<string, number> = {};
  for (const f of (r.failures as Record<string, number>[] | null) ?? []) {
    for (const [k, v] of Object.entries(f)) failures[k] = (failures[k] ?? 0) + Number(v);
  }
  const lat = (r.lat as number[]).map(Number);
  return {
    key: r.key,
    label: r.label ?? r.key,
    targeted: r.targeted,
    sent: r.sent,
    delivered: r.delivered,
    failed: r.failed,
    expired: r.expired,
    clicked: r.clicked,
    botClicks: r.bot_clicks,
    installed: r.installed,
    cost: Number(r.cost),
    failures,
    deliveryRate: ratio(r.delivered, r.sent),
    clickThrough: ratio(r.clicked, r.delivered),
    conversion: ratio(r.installed, r.delivered),
    latencyP50S: percentileFromBuckets(lat, 0.5),
    latencyP95S: percentileFromBuckets(lat, 0.95),
  };
}
