import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface LinkTarget {
  deliveryId: string;
  campaignId: number;
  runId: string;
  subscriberId: string;
  url: string;
  android: string | null;
  ios: string | null;
}

const TTL_MS = 60_000;
const MISS_TTL_MS = 10_000;
const MAX_ENTRIES = 200_000;
const CODE = /^[A-Za-z0-9_-]{4,32}$/;

/**
 * Short code → where it goes, cached in memory: a campaign's links are clicked in bursts right after each send,
 * and unknown codes (scanners trying codes) are cached briefly too so they cannot hammer PostgreSQL. Target
 * changes show within a minute.
 */
@Injectable()
export class LinkResolverService {
  private readonly cache = new Map<string, { target: LinkTarget | null; until: number }>();

  constructor(private readonly ds: DataSource) {}

  async resolve(code: string): Promise<LinkTarget | null> {
    if (!CODE.test(code)) return null;
    const now = Date.now(); // cache expiry is process time, not business time
    const hit = this.cache.get(code);
    if (hit && hit.until > now) return hit.target;
    const [row] = await this.ds.query(
      `SELECT d.id, d.campaign_id, d.run_id, d.subscriber_id, c.target_url, c.target_android, c.target_ios
         FROM deliveries d JOIN campaigns c ON c.id = d.campaign_id
        WHERE d.link_code = $1`,
      [code],
    );
    const target: LinkTarget | null = row
      ? {
          deliveryId: String(row.id),
          campaignId: row.campaign_id,
          runId: String(row.run_id),
          subscriberId: String(row.subscriber_id),
          url: row.target_url,
          android: row.target_android,
          ios: row.target_ios,
        }
      : null;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(code, { target, until: now + (target ? TTL_MS : MISS_TTL_MS) });
    return target;
  }
}
