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
/** Codes looked up in one query at most (each is an index probe on deliveries.link_code). */
const MAX_BATCH = 500;
const CODE = /^[A-Za-z0-9_-]{4,32}$/;

interface Waiter {
  resolve: (t: LinkTarget | null) => void;
  reject: (e: unknown) => void;
}

/**
 * Short code → where it goes, cached in memory. Each person has their own code, so most taps miss the cache
 * (it serves the link-preview fetch followed by the person, repeated taps, and scanners: unknown codes are cached
 * briefly so they cannot hammer PostgreSQL); target changes show within a minute.
 * Misses are looked up together: the codes of every request that arrives in the same event-loop turn go to
 * PostgreSQL in one `link_code = ANY($1)` query (and a code asked twice at once is looked up once), so a burst of
 * taps costs a few queries, not one pooled round trip each.
 */
@Injectable()
export class LinkResolverService {
  private readonly cache = new Map<string, { target: LinkTarget | null; until: number }>();
  private pending = new Map<string, Waiter[]>();
  private scheduled = false;

  constructor(private readonly ds: DataSource) {}

  resolve(code: string): Promise<LinkTarget | null> {
    if (!CODE.test(code)) return Promise.resolve(null);
    const hit = this.cache.get(code);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.target); // process time, not business time
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(code);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(code, [{ resolve, reject }]);
      if (this.pending.size >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (!batch.size) return;
    this.pending = new Map();
    this.lookup([...batch.keys()]).then(
      (found) => {
        const now = Date.now();
        if (this.cache.size + batch.size > MAX_ENTRIES) this.cache.clear();
        for (const [code, waiters] of batch) {
          const target = found.get(code) ?? null;
          this.cache.set(code, { target, until: now + (target ? TTL_MS : MISS_TTL_MS) });
          for (const w of waiters) w.resolve(target);
        }
      },
      (e) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(e))),
    );
  }

  private async lookup(codes: string[]): Promise<Map<string, LinkTarget>> {
    const rows: {
      link_code: string;
      id: string;
      campaign_id: number;
      run_id: string;
      subscriber_id: string;
      target_url: string;
      target_android: string | null;
      target_ios: string | null;
    }[] = await this.ds.query(
      `SELECT d.link_code, d.id, d.campaign_id, d.run_id, d.subscriber_id, c.target_url, c.target_android, c.target_ios
         FROM deliveries d JOIN campaigns c ON c.id = d.campaign_id
        WHERE d.link_code = ANY($1::text[])`,
      [codes],
    );
    return new Map(
      rows.map((row) => [
        row.link_code,
        {
          deliveryId: String(row.id),
          campaignId: row.campaign_id,
          runId: String(row.run_id),
          subscriberId: String(row.subscriber_id),
          url: row.target_url,
          android: row.target_android,
          ios: row.target_ios,
        },
      ]),
    );
  }
}
