import { Injectable, Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { pgPool } from '../send/pg';
import { SendQueues } from '../send/send-queues';

/** A gateway that refused a campaign's own request: it carries nothing more of that campaign until lifted. */
export interface GatewayHold {
  campaignId: number;
  gatewayId: string;
  code: string;
  text: string;
  createdAt: Date;
}

const COLUMNS = `campaign_id AS "campaignId", gateway_id AS "gatewayId", code, text, created_at AS "createdAt"`;

/**
 * Holds (`campaign_gateway_holds`): a gateway answered that the campaign's request is wrong — content not matching
 * its registered template, unknown brandname, bad credentials, a malformed field — which no person caused and no
 * retry fixes. The campaign's traffic on that gateway stops (the next gateway of the carrier's route takes it where
 * there is one), its deliveries wait instead of failing, and an operator lifts the hold once the registration or
 * setting is fixed; lifting hands the campaign's open runs to dispatch again.
 */
@Injectable()
export class GatewayHoldsService {
  private readonly log = new Logger('GatewayHolds');
  private readonly pool: Pool;

  constructor(
    ds: DataSource,
    private readonly queues: SendQueues,
  ) {
    this.pool = pgPool(ds);
  }

  /** Records the hold; true when it is new (the caller alerts once, not once per refused send). */
  async hold(campaignId: number, gatewayId: string, code: string, text: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO campaign_gateway_holds (campaign_id, gateway_id, code, text) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [campaignId, gatewayId, code, text.slice(0, 2000)],
    );
    const created = (rowCount ?? 0) > 0;
    if (created) {
      this.log.error(
        `ALERT campaign ${campaignId}: gateway ${gatewayId} refused its request (${code}: ${text}); ` +
          `its deliveries on ${gatewayId} wait until the cause is fixed and the hold lifted ` +
          `(DELETE /api/v1/campaigns/${campaignId}/holds/${gatewayId})`,
      );
    }
    return created;
  }

  async forCampaign(campaignId: number, m?: EntityManager): Promise<GatewayHold[]> {
    const sql = `SELECT ${COLUMNS} FROM campaign_gateway_holds WHERE campaign_id = $1 ORDER BY gateway_id`;
    if (m) return m.query(sql, [campaignId]);
    return (await this.pool.query(sql, [campaignId])).rows;
  }

  /**
   * Lifts the hold inside the caller's transaction (with its audit row); returns the hold lifted, or null.
   * Call `redispatch` after the commit.
   */
  async lift(campaignId: number, gatewayId: string, m: EntityManager): Promise<GatewayHold | null> {
    const rows: GatewayHold[] = await m.query(
      `DELETE FROM campaign_gateway_holds WHERE campaign_id = $1 AND gateway_id = $2 RETURNING ${COLUMNS}`,
      [campaignId, gatewayId],
    );
    return (Array.isArray(rows[0]) ? (rows[0] as unknown as GatewayHold[])[0] : rows[0]) ?? null;
  }

  /** Hands the campaign's dispatching runs to dispatch-run again (their waiting deliveries are re-enqueued). */
  async redispatch(campaignId: number): Promise<number> {
    const { rows } = await this.pool.query(
      `SELECT id::text FROM campaign_runs WHERE campaign_id = $1 AND status = 'dispatching'`,
      [campaignId],
    );
    for (const { id } of rows as { id: string }[]) {
      await this.queues.dispatch.add('dispatch-run', { runId: id }, { jobId: `dispatch-${id}-unhold-${Date.now()}` });
    }
    return rows.length;
  }
}
