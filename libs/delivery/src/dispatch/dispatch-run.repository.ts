import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { COMPLETE_DRAINED_RUNS_SQL, EXPIRE_LAPSED_DELIVERIES_SQL, OPEN_DELIVERY_SQL } from '@loa/core';
import { pgPool } from '../send/pg';

export interface OpenDelivery {
  id: string;
  channelIndex: number;
  carrier: string;
}

/**
 * SQL of dispatch-run and of the housekeeping sweep: the runs being dispatched, their open deliveries in keyset
 * batches, and run expiry/completion. Guarded like every dispatch transition (docs/dispatch.md).
 */
@Injectable()
export class DispatchRunRepository {
  private readonly pool: Pool;
  constructor(ds: DataSource) {
    this.pool = pgPool(ds);
  }

  async runForDispatch(
    runId: string,
  ): Promise<{ status: string; campaignStatus: string; channels: unknown[]; expiresAt: Date } | null> {
    const { rows } = await this.pool.query(
      `SELECT r.status, c.status AS "campaignStatus", c.channels, r.expires_at AS "expiresAt"
         FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = $1`,
      [runId],
    );
    return rows[0] ?? null;
  }

  /** Open deliveries of a run after `afterId`, by id (keyset; partial index deliveries_run_open_idx). */
  async openDeliveries(runId: string, afterId: string, limit: number): Promise<OpenDelivery[]> {
    const { rows } = await this.pool.query(
      // ORDER BY d.id, not the text output column "id": ordering as text would break the keyset.
      `SELECT d.id::text AS id, d.channel_index AS "channelIndex", d.carrier FROM deliveries d
        WHERE d.run_id = $1 AND d.id > $2 AND d.status IN ${OPEN_DELIVERY_SQL}
        ORDER BY d.id LIMIT $3`,
      [runId, afterId, limit],
    );
    return rows;
  }

  async markQueued(ids: string[], at: Date): Promise<void> {
    if (!ids.length) return;
    await this.pool.query(
      `UPDATE deliveries SET status = 'queued', queued_at = $2 WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
      [ids, at],
    );
  }

  async failUnroutable(ids: string[], reason: string, at: Date): Promise<void> {
    if (!ids.length) return;
    await this.pool.query(
      `UPDATE deliveries SET status = 'failed', error_code = 'NO_ROUTE', error_text = $2, final_at = $3
        WHERE id = ANY($1::bigint[]) AND status IN ('pending', 'queued')`,
      [ids, reason, at],
    );
  }

  /** Runs still dispatching (re-swept on worker start: jobs lost with Redis, or enqueued by a killed process). */
  async dispatchingRuns(): Promise<string[]> {
    const { rows } = await this.pool.query(`SELECT id::text FROM campaign_runs WHERE status = 'dispatching'`);
    return rows.map((r: { id: string }) => r.id);
  }

  /**
   * Housekeeping: open deliveries of runs past their validity expire, and dispatching runs with nothing open left
   * are completed. Idempotent; any number of processes may run it.
   */
  async sweepRuns(now: Date): Promise<{ expired: number; completed: number }> {
    const e = await this.pool.query(EXPIRE_LAPSED_DELIVERIES_SQL, [now]);
    const c = await this.pool.query(COMPLETE_DRAINED_RUNS_SQL, [now]);
    return { expired: e.rows[0].expired, completed: c.rowCount ?? 0 };
  }
}
