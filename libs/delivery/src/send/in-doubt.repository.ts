import { Injectable } from '@nestjs/common';
import { OPEN_DELIVERY_SQL } from '@loa/core';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { inTransaction, pgPool } from './pg';

export interface ResolvedInDoubt {
  id: string;
  channelIndex: number;
  carrier: string;
  gatewayId: string;
  /** The campaign's channels when the delivery moved to its next channel; null for an SMS resend. */
  channels: unknown[] | null;
}

/** SQL of in-doubt sends (docs/dispatch.md, "In doubt"); every transition guarded by the state it leaves. */
@Injectable()
export class InDoubtRepository {
  private readonly pool: Pool;
  constructor(ds: DataSource) {
    this.pool = pgPool(ds);
  }

  /**
   * The attempt may have reached the gateway but we do not know (policy `await-report`): the message stays
   * `sending` with a deadline; the delivery stays `sending` (open). A delivery report naming its request id resolves
   * it (tracking marks the message delivered/failed); otherwise `resolveExpiredInDoubt` moves it on at the deadline.
   */
  async markInDoubt(deliveryId: string, channelIndex: number, why: string, until: Date): Promise<void> {
    await this.pool.query(
      `UPDATE messages SET error_code = 'IN_DOUBT', error_text = $3, in_doubt_until = $4,
              pinned_gateway_id = coalesce(pinned_gateway_id, gateway_id)
        WHERE delivery_id = $1 AND channel_index = $2 AND status = 'sending'`,
      [deliveryId, channelIndex, why.slice(0, 2000), until],
    );
  }

  /**
   * The attempt's gateway may hold it: every later attempt of this channel goes to that gateway only (never kept
   * from it by a breaker, never failed over: a second gateway would not recognise our request id).
   */
  async pin(deliveryId: string, channelIndex: number): Promise<void> {
    await this.pool.query(
      `UPDATE messages SET pinned_gateway_id = gateway_id
        WHERE delivery_id = $1 AND channel_index = $2 AND status = 'sending' AND pinned_gateway_id IS NULL`,
      [deliveryId, channelIndex],
    );
  }

  /**
   * In-doubt attempts past their deadline with no report (one statement per channel kind; guarded, so any number
   * of workers may run it and each row moves once):
   * - SMS: the attempt counts as not accepted; the delivery is queued again and resent with the same request id.
   * - ZNS: never resent (a second Zalo message would be a duplicate): the message becomes `unknown` and the delivery
   *   moves to its next channel (SMS), or fails with IN_DOUBT when there is none.
   * Returns the deliveries to enqueue (id, channel index now, carrier, campaign channels, message gateway).
   */
  async resolveExpiredInDoubt(now: Date): Promise<ResolvedInDoubt[]> {
    const sms = await this.pool.query(
      `WITH m AS (
         UPDATE messages SET in_doubt_until = NULL, error_code = 'NO_REPORT',
                error_text = 'in doubt, no delivery report within the grace period: resent with the same request id'
          WHERE status = 'sending' AND in_doubt_until <= $1 AND channel = 'sms'
         RETURNING delivery_id, channel_index, gateway_id
       )
       UPDATE deliveries d SET status = 'queued'
         FROM m
        WHERE d.id = m.delivery_id AND d.channel_index = m.channel_index AND d.status IN ('queued', 'sending')
       RETURNING d.id::text AS id, d.channel_index AS "channelIndex", d.carrier, m.gateway_id AS "gatewayId",
                 NULL::jsonb AS channels`,
      [now],
    );
    const zns = await this.pool.query(
      `WITH m AS (
         UPDATE messages SET status = 'unknown', in_doubt_until = NULL, error_code = 'IN_DOUBT',
                error_text = 'in doubt, no delivery report within the grace period: not resent'
          WHERE status = 'sending' AND in_doubt_until <= $1 AND channel = 'zns'
         RETURNING delivery_id, channel_index, gateway_id
       ), moved AS (
         UPDATE deliveries d SET channel_index = d.channel_index + 1, status = 'queued', queued_at = $1
           FROM m, campaigns c
          WHERE d.id = m.delivery_id AND d.channel_index = m.channel_index AND d.status IN ('queued', 'sending')
            AND c.id = d.campaign_id AND jsonb_array_length(c.channels) > d.channel_index + 1
         RETURNING d.id::text AS id, d.channel_index AS "channelIndex", d.carrier, m.gateway_id AS "gatewayId", c.channels
       ), failed AS (
         UPDATE deliveries d SET status = 'failed', error_code = 'IN_DOUBT', final_at = $1,
                error_text = 'Zalo send in doubt, no delivery report, and no next channel'
           FROM m, campaigns c
          WHERE d.id = m.delivery_id AND d.channel_index = m.channel_index AND d.status IN ('queued', 'sending')
            AND c.id = d.campaign_id AND jsonb_array_length(c.channels) <= d.channel_index + 1
         RETURNING 1
       )
       SELECT * FROM moved`,
      [now],
    );
    return [...sms.rows, ...zns.rows] as ResolvedInDoubt[];
  }

  /** Holds an in-doubt send for an operator: the message is `unknown`, the delivery failed with code IN_DOUBT. */
  async holdInDoubt(deliveryId: string, channelIndex: number, at: Date): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query(
        `UPDATE messages SET status = 'unknown', error_code = 'IN_DOUBT',
                error_text = 'answer of an earlier attempt lost; held for an operator (gateway inDoubt policy)'
          WHERE delivery_id = $1 AND channel_index = $2 AND status = 'sending'`,
        [deliveryId, channelIndex],
      );
      await c.query(
        `UPDATE deliveries SET status = 'failed', error_code = 'IN_DOUBT', error_text = 'held for an operator', final_at = $2
          WHERE id = $1 AND status IN ${OPEN_DELIVERY_SQL}`,
        [deliveryId, at],
      );
    });
  }
}
