import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, unitScopeSql } from '@loa/access';

/** Counts of deliveries, from `stats_daily` (the roll-up). */
export interface Counts {
  targeted: number;
  sent: number;
  delivered: number;
  failed: number;
  expired: number;
  clicked: number;
  installed: number;
}

export interface CampaignTotals extends Counts {
  id: number;
  name: string;
  status: string;
  /** The campaign's own unit; null for a national one (listed to a scoped key when it reached the key's units). */
  unitId: number | null;
  nextFireAt: Date | null;
  lastFireAt: Date | null;
  /** Its latest run, with that run's counts (the dashboard's live bar), or null before the first run. */
  lastRun: (Counts & { id: string; status: string }) | null;
}

export interface StatsOverview {
  /** Every campaign the caller can account for, newest first, counted within the caller's units. */
  campaigns: CampaignTotals[];
  /** The sum of `campaigns` (so the page's totals are always its rows added up). */
  totals: Counts;
}

const COUNTS = ['targeted', 'sent', 'delivered', 'failed', 'expired', 'clicked', 'installed'] as const;
const zero = (): Counts => ({ targeted: 0, sent: 0, delivered: 0, failed: 0, expired: 0, clicked: 0, installed: 0 });

/**
 * The dashboard's figures in ONE statement (one snapshot of the roll-up), in ONE scope: the statistics rows of the
 * caller's units, as GET /stats counts them. A campaign is listed when it is the caller's (its unit in the subtree)
 * or when it sent to the caller's units (a national campaign, for a district key); its counts are what reached the
 * caller's units. Totals are the rows added up: a figure on the page never disagrees with the rows under it.
 */
@Injectable()
export class StatsOverviewService {
  constructor(private readonly ds: DataSource) {}

  async overview(who: Principal): Promise<StatsOverview> {
    const params: unknown[] = [];
    const statsScope = unitScopeSql(who, 's.unit_id', params);
    const campaignScope = unitScopeSql(who, 'c.unit_id', params);
    const sums = (filter = '') =>
      COUNTS.map((k) => `coalesce(sum(s.${k})${filter ? ` FILTER (WHERE ${filter})` : ''}, 0)::int`);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `WITH s AS (
         SELECT s.campaign_id, s.run_id, ${COUNTS.map((k) => `sum(s.${k}) AS ${k}`).join(', ')}
           FROM stats_daily s WHERE ${statsScope} GROUP BY s.campaign_id, s.run_id
       ), listed AS (
         SELECT c.id FROM campaigns c WHERE ${campaignScope}
         UNION SELECT campaign_id FROM s
       ), last_run AS (
         SELECT DISTINCT ON (r.campaign_id) r.campaign_id, r.id, r.status
           FROM campaign_runs r JOIN listed l ON l.id = r.campaign_id
          ORDER BY r.campaign_id, r.id DESC
       )
       SELECT c.id::int, c.name, c.status, c.unit_id AS "unitId", c.next_fire_at AS "nextFireAt",
              c.last_fire_at AS "lastFireAt", lr.id::text AS "lastRunId", min(lr.status) AS "lastRunStatus",
              ${sums()
                .map((e, i) => `${e} AS "${COUNTS[i]}"`)
                .join(', ')},
              ${sums('s.run_id = lr.id')
                .map((e, i) => `${e} AS "run_${COUNTS[i]}"`)
                .join(', ')}
         FROM campaigns c
         JOIN listed l ON l.id = c.id
         LEFT JOIN last_run lr ON lr.campaign_id = c.id
         LEFT JOIN s ON s.campaign_id = c.id
        GROUP BY c.id, lr.id
        ORDER BY c.id DESC`,
      params,
    );
    const campaigns = rows.map(toCampaign);
    const totals = zero();
    for (const c of campaigns) for (const k of COUNTS) totals[k] += c[k];
    return { campaigns, totals };
  }
}

function toCampaign(r: Record<string, unknown>): CampaignTotals {
  const counts = (prefix: string): Counts =>
    Object.fromEntries(COUNTS.map((k) => [k, Number(r[`${prefix}${k}`])])) as unknown as Counts;
  return {
    id: r.id as number,
    name: r.name as string,
    status: r.status as string,
    unitId: (r.unitId as number | null) ?? null,
    nextFireAt: (r.nextFireAt as Date | null) ?? null,
    lastFireAt: (r.lastFireAt as Date | null) ?? null,
    ...counts(''),
    lastRun: r.lastRunId ? { id: r.lastRunId as string, status: r.lastRunStatus as string, ...counts('run_') } : null,
  };
}
