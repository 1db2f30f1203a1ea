import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Campaign, CampaignRun, CampaignStatus } from './campaign.types';

type Row = Record<string, unknown>;

const COLUMNS: Record<string, string> = {
  name: 'name',
  unitId: 'unit_id',
  segmentId: 'segment_id',
  brandname: 'brandname',
  channels: 'channels',
  scheduleCron: 'schedule_cron',
  runAt: 'run_at',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  windowStartMinute: 'window_start_minute',
  windowEndMinute: 'window_end_minute',
  frequencyCap: 'frequency_cap',
  capWindowHours: 'cap_window_hours',
  stopOnClick: 'stop_on_click',
  stopOnInstall: 'stop_on_install',
  validityHours: 'validity_hours',
  targetUrl: 'target_url',
  targetAndroid: 'target_android',
  targetIos: 'target_ios',
};
/** The campaign fields a caller may write. */
export type CampaignFields = Omit<
  Campaign,
  'id' | 'status' | 'timezone' | 'nextFireAt' | 'lastFireAt' | 'createdAt' | 'updatedAt'
>;

export function toCampaign(r: Row): Campaign {
  return {
    id: r.id as number,
    name: r.name as string,
    unitId: r.unit_id as number | null,
    segmentId: r.segment_id as number,
    status: r.status as CampaignStatus,
    brandname: r.brandname as string,
    channels: r.channels as Campaign['channels'],
    scheduleCron: r.schedule_cron as string | null,
    runAt: r.run_at as Date | null,
    startsAt: r.starts_at as Date | null,
    endsAt: r.ends_at as Date | null,
    timezone: r.timezone as string,
    windowStartMinute: r.window_start_minute as number,
    windowEndMinute: r.window_end_minute as number,
    frequencyCap: r.frequency_cap as number,
    capWindowHours: r.cap_window_hours as number,
    stopOnClick: r.stop_on_click as boolean,
    stopOnInstall: r.stop_on_install as boolean,
    validityHours: r.validity_hours as number,
    targetUrl: r.target_url as string,
    targetAndroid: r.target_android as string | null,
    targetIos: r.target_ios as string | null,
    nextFireAt: r.next_fire_at as Date | null,
    lastFireAt: r.last_fire_at as Date | null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

export function toRun(r: Row): CampaignRun {
  return {
    id: String(r.id),
    campaignId: r.campaign_id as number,
    fireTime: r.fire_time as Date,
    status: r.status as CampaignRun['status'],
    expiresAt: r.expires_at as Date,
    targeted: r.targeted as number,
    excluded: (r.excluded ?? {}) as CampaignRun['excluded'],
    note: r.note as string | null,
    createdAt: r.created_at as Date,
    startedAt: r.started_at as Date | null,
    finishedAt: r.finished_at as Date | null,
  };
}

/** Thin data access for campaigns and their runs; rules live in the services. */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(f: CampaignFields, m: EntityManager = this.ds.manager): Promise<Campaign> {
    const cols = Object.keys(COLUMNS);
    const [row] = await m.query(
      `INSERT INTO campaigns (${cols.map((c) => COLUMNS[c]).join(', ')})
       VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
      cols.map((c) => value(c, f[c as keyof CampaignFields])),
    );
    return toCampaign(row);
  }

  async update(id: number, f: CampaignFields, m: EntityManager = this.ds.manager): Promise<Campaign> {
    const cols = Object.keys(COLUMNS);
    const [rows] = await m.query(
      `UPDATE campaigns SET ${cols.map((c, i) => `${COLUMNS[c]} = $${i + 2}`).join(', ')}, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, ...cols.map((c) => value(c, f[c as keyof CampaignFields]))],
    );
    return toCampaign(rows[0]);
  }

  /** The campaign with its unit's path (for scope checks); `lock` takes the row lock inside a transaction. */
  async find(
    id: number,
    m: EntityManager = this.ds.manager,
    lock = false,
  ): Promise<{ campaign: Campaign; unitPath: string | null } | null> {
    const [row] = await m.query(
      `SELECT c.*, u.path AS unit_path FROM campaigns c LEFT JOIN units u ON u.id = c.unit_id WHERE c.id = $1
       ${lock ? 'FOR UPDATE OF c' : ''}`,
      [id],
    );
    return row ? { campaign: toCampaign(row), unitPath: row.unit_path } : null;
  }

  async list(scopeSql: string, params: unknown[], status?: string, limit = 100, offset = 0): Promise<Campaign[]> {
    params.push(status ?? null, limit, offset);
    const n = params.length;
    const rows = await this.ds.query(
      `SELECT c.* FROM campaigns c WHERE ${scopeSql} AND ($${n - 2}::text IS NULL OR c.status = $${n - 2})
        ORDER BY c.id DESC LIMIT $${n - 1} OFFSET $${n}`,
      params,
    );
    return rows.map(toCampaign);
  }

  async setStatus(
    id: number,
    status: CampaignStatus,
    nextFireAt: Date | null | undefined,
    m: EntityManager = this.ds.manager,
  ): Promise<void> {
    await m.query(
      `UPDATE campaigns SET status = $2, next_fire_at = CASE WHEN $3::boolean THEN $4::timestamptz ELSE next_fire_at END,
              updated_at = now() WHERE id = $1`,
      [id, status, nextFireAt !== undefined, nextFireAt ?? null],
    );
  }

  async delete(id: number, m: EntityManager = this.ds.manager): Promise<void> {
    await m.query(`DELETE FROM campaigns WHERE id = $1`, [id]);
  }

  async runs(campaignId: number, limit = 100, before?: string): Promise<CampaignRun[]> {
    const rows = await this.ds.query(
      `SELECT * FROM campaign_runs WHERE campaign_id = $1 AND ($3::bigint IS NULL OR id < $3)
        ORDER BY fire_time DESC, id DESC LIMIT $2`,
      [campaignId, limit, before ?? null],
    );
    return rows.map(toRun);
  }

  async run(id: string): Promise<CampaignRun | null> {
    const [row] = await this.ds.query(`SELECT * FROM campaign_runs WHERE id = $1`, [id]);
    if (!row) return null;
    const counts = await this.ds.query(
      `SELECT status, count(*)::int AS n FROM deliveries WHERE run_id = $1 GROUP BY status`,
      [id],
    );
    return {
      ...toRun(row),
      deliveries: Object.fromEntries(counts.map((c: Row) => [c.status as string, c.n as number])),
    };
  }

  /**
   * Cancels in one statement per table, inside the caller's transaction: every non-final delivery
   * (pending, queued) and every open run. Deliveries already `sending` finish as they are.
   */
  async cancelOpenWork(campaignId: number, now: Date, m: EntityManager): Promise<{ deliveries: number; runs: number }> {
    const [, deliveries] = await m.query(
      `UPDATE deliveries SET status = 'cancelled', final_at = $2
        WHERE run_id IN (SELECT id FROM campaign_runs WHERE campaign_id = $1) AND status IN ('pending', 'queued')`,
      [campaignId, now],
    );
    const [, runs] = await m.query(
      `UPDATE campaign_runs SET status = 'cancelled', finished_at = $2
        WHERE campaign_id = $1 AND status IN ('pending', 'fanning_out', 'dispatching')`,
      [campaignId, now],
    );
    return { deliveries, runs };
  }

  /** Runs of the campaign that still have deliveries waiting to go out. */
  async runsWithWaitingDeliveries(campaignId: number): Promise<string[]> {
    const rows = await this.ds.query(
      `SELECT r.id FROM campaign_runs r
        WHERE r.campaign_id = $1 AND r.status = 'dispatching'
          AND EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = r.id AND d.status IN ('pending', 'queued'))`,
      [campaignId],
    );
    return rows.map((r: Row) => String(r.id));
  }
}

function value(col: string, v: unknown): unknown {
  return col === 'channels' ? JSON.stringify(v) : (v ?? null);
}
