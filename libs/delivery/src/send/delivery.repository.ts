import { Injectable } from '@nestjs/common';
import { FINAL_DELIVERY_STATUSES, OPEN_DELIVERY_SQL } from '@loa/core';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { pgPool } from './pg';
import { TemplateRow } from './template-row';

export type { TemplateRow } from './template-row';

export const FINAL_DELIVERY: readonly string[] = FINAL_DELIVERY_STATUSES;

/** Everything one send needs, read in one query. */
export interface SendContext {
  id: string;
  status: string;
  channelIndex: number;
  phone: string;
  carrier: string;
  linkCode: string;
  runId: string;
  campaignId: number;
  subscriberName: string | null;
  unitName: string | null;
  runStatus: string;
  expiresAt: Date;
  campaignStatus: string;
  channels: unknown[];
  brandname: string;
  windowStart: number;
  windowEnd: number;
  channelBlocked: boolean;
  /** Gateways holding this campaign (they refused its own request; see GatewayHoldsService). */
  heldGateways: string[];
  /** The gateway that may already hold this channel attempt (see `claim`); its later attempts go there only. */
  pinnedGatewayId: string | null;
}

export interface NewMessage {
  deliveryId: string;
  channelIndex: number;
  channel: 'sms' | 'zns';
  gatewayId: string;
  requestId: string;
  segments: number;
  cost: number;
}

export type Claim =
  | { kind: 'claimed'; attempts: number; inDoubt: boolean }
  /** The delivery moved on (cancelled, paused, another channel) or this channel attempt is already final. */
  | { kind: 'skip'; reason: string }
  /** An earlier attempt may be held by this other gateway: the attempt goes there, never to a second one. */
  | { kind: 'elsewhere'; gatewayId: string };

/**
 * The gateway a channel attempt is pinned to (SQL over a `messages` row alias): the one recorded when a send to it
 * was in doubt (`pinned_gateway_id`, kept for good), or the one of an attempt claimed and never given an outcome
 * (the process died mid-send). NULL: every earlier attempt is known not to have been taken; it may move.
 */
const PINNED_SQL = (m: string) =>
  `coalesce(${m}.pinned_gateway_id, CASE WHEN ${m}.status = 'sending' AND ${m}.error_code IS NULL THEN ${m}.gateway_id END)`;

/** SQL of the dispatch state machine. Every transition is guarded by the state it leaves (see docs/dispatch.md). */
@Injectable()
export class DeliveryRepository {
  private readonly pool: Pool;
  constructor(ds: DataSource) {
    this.pool = pgPool(ds);
  }

  async loadContext(deliveryId: string): Promise<SendContext | null> {
    const { rows } = await this.pool.query(
      `SELECT d.id::text, d.status, d.channel_index AS "channelIndex", d.phone, d.carrier, d.link_code AS "linkCode",
              d.run_id::text AS "runId", d.campaign_id AS "campaignId", s.name AS "subscriberName",
              u.name AS "unitName", r.status AS "runStatus", r.expires_at AS "expiresAt",
              c.status AS "campaignStatus", c.channels, c.brandname, c.window_start_minute AS "windowStart",
              c.window_end_minute AS "windowEnd",
              EXISTS (SELECT 1 FROM campaign_channel_blocks b
                       WHERE b.campaign_id = d.campaign_id AND b.channel_index = d.channel_index) AS "channelBlocked",
              ARRAY(SELECT h.gateway_id FROM campaign_gateway_holds h WHERE h.campaign_id = d.campaign_id) AS "heldGateways",
              (SELECT ${PINNED_SQL('m')} FROM messages m
                WHERE m.delivery_id = d.id AND m.channel_index = d.channel_index) AS "pinnedGatewayId"
         FROM deliveries d
         JOIN campaign_runs r ON r.id = d.run_id
         JOIN campaigns c ON c.id = d.campaign_id
         LEFT JOIN subscribers s ON s.id = d.subscriber_id
         LEFT JOIN units u ON u.id = d.unit_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    return (rows[0] as SendContext | undefined) ?? null;
  }

  /**
   * The exactly-once claim, one statement: the message row of this channel attempt is created (or its attempt
   * counted) and the delivery set `sending` — unless the attempt is already final, is in doubt awaiting a delivery
   * report (`in_doubt_until` set: only the report or the in-doubt sweep may move it), is pinned to another gateway
   * (`elsewhere`: an earlier send there may have been taken), or the delivery moved on.
   * `inDoubt`: the previous attempt recorded no outcome (the process died, or the answer was lost, mid-send).
   */
  async claim(m: NewMessage): Promise<Claim> {
    const { rows } = await this.pool.query(
      `WITH prev AS (
         SELECT status, error_code, in_doubt_until, ${PINNED_SQL('messages')} AS pinned
           FROM messages WHERE delivery_id = $1 AND channel_index = $2
       ), d AS (
         UPDATE deliveries SET status = 'sending'
          WHERE id = $1 AND channel_index = $2 AND status IN ${OPEN_DELIVERY_SQL}
            AND NOT EXISTS (SELECT 1 FROM prev WHERE status NOT IN ('sending', 'deferred') OR in_doubt_until IS NOT NULL
                                                 OR pinned <> $4)
         RETURNING id
       ), m AS (
         INSERT INTO messages (delivery_id, channel_index, channel, gateway_id, request_id, status, attempts, segments, cost)
         SELECT $1, $2, $3, $4, $5, 'sending', 1, $6, $7 FROM d
         ON CONFLICT (delivery_id, channel_index) DO UPDATE
            SET attempts = messages.attempts + 1, error_code = NULL, error_text = NULL, gateway_id = EXCLUDED.gateway_id,
                status = 'sending', segments = EXCLUDED.segments, cost = EXCLUDED.cost
          WHERE messages.status IN ('sending', 'deferred') AND messages.in_doubt_until IS NULL
            AND coalesce(${PINNED_SQL('messages')}, EXCLUDED.gateway_id) = EXCLUDED.gateway_id
         RETURNING attempts
       )
       SELECT (SELECT attempts FROM m) AS attempts, (SELECT status FROM prev) AS "prevStatus",
              (SELECT error_code FROM prev) AS "prevError", EXISTS (SELECT 1 FROM prev) AS "hadPrev",
              (SELECT in_doubt_until IS NOT NULL FROM prev) AS "awaiting", (SELECT pinned FROM prev) AS pinned`,
      [m.deliveryId, m.channelIndex, m.channel, m.gatewayId, m.requestId, m.segments, m.cost],
    );
    const r = rows[0] as {
      attempts: number | null;
      prevStatus: string | null;
      prevError: string | null;
      hadPrev: boolean;
      awaiting: boolean | null;
      pinned: string | null;
    };
    if (r.attempts === null) {
      const open = r.prevStatus !== null && !['sent', 'delivered', 'failed', 'unknown'].includes(r.prevStatus);
      if (open && !r.awaiting && r.pinned && r.pinned !== m.gatewayId) {
        return { kind: 'elsewhere', gatewayId: r.pinned };
      }
      const reason = r.awaiting
        ? 'in doubt, awaiting a delivery report'
        : r.prevStatus && r.prevStatus !== 'sending' && r.prevStatus !== 'deferred'
          ? `message ${r.prevStatus}`
          : 'delivery moved on';
      return { kind: 'skip', reason };
    }
    return { kind: 'claimed', attempts: r.attempts, inDoubt: r.hadPrev && r.prevError === null };
  }

  async markSent(deliveryId: string, channelIndex: number, providerId: string | null, at: Date): Promise<void> {
    await this.pool.query(
      `WITH m AS (
         UPDATE messages SET status = 'sent', provider_message_id = $3, sent_at = $4
          WHERE delivery_id = $1 AND channel_index = $2 AND status = 'sending' RETURNING 1
       )
       UPDATE deliveries SET status = 'sent', sent_at = $4
        WHERE id = $1 AND status IN ${OPEN_DELIVERY_SQL} AND EXISTS (SELECT 1 FROM m)`,
      [deliveryId, channelIndex, providerId, at],
    );
  }

  /** Final failure (`failed`) or expiry (`expired`) of the delivery; the channel attempt's message, if any, fails. */
  async finish(
    deliveryId: string,
    channelIndex: number,
    status: 'failed' | 'expired',
    code: string,
    text: string,
    at: Date,
  ): Promise<void> {
    await this.pool.query(
      `WITH m AS (
         UPDATE messages SET status = 'failed', error_code = $4, error_text = $5
          WHERE delivery_id = $1 AND channel_index = $2 AND status IN ('sending', 'deferred') RETURNING 1
       )
       UPDATE deliveries SET status = $3, error_code = $4, error_text = $5, final_at = $6
        WHERE id = $1 AND channel_index = $2 AND status IN ${OPEN_DELIVERY_SQL}`,
      [deliveryId, channelIndex, status, code, text.slice(0, 2000), at],
    );
  }

  /**
   * A retry is due later: the attempt's outcome is recorded (so the next claim knows it was not in doubt) and the
   * message is `deferred` (not accepted, waiting for its next attempt), never left `sending`. `refund` gives back
   * the attempt this claim counted (nothing reached the gateway, or it was a failed probe): only a claimed
   * (`sending`) message has one to give back.
   */
  async recordRetry(deliveryId: string, channelIndex: number, code: string, text: string, refund = false) {
    await this.pool.query(
      `WITH m AS (
         UPDATE messages SET status = 'deferred', error_code = $3, error_text = $4,
                attempts = attempts - CASE WHEN $5 AND status = 'sending' AND attempts > 0 THEN 1 ELSE 0 END
          WHERE delivery_id = $1 AND channel_index = $2 AND status IN ('sending', 'deferred') RETURNING 1
       )
       UPDATE deliveries SET status = 'queued' WHERE id = $1 AND channel_index = $2 AND status = 'sending'`,
      [deliveryId, channelIndex, code, text.slice(0, 2000), refund],
    );
  }

  /**
   * Moves the delivery to its next channel (Zalo → SMS) in the same run: this attempt's message fails with the
   * gateway's code; `block` also stops this channel for the rest of the campaign (template invalid/unapproved).
   * Returns false when the delivery had already moved on.
   */
  async moveToNextChannel(
    d: { id: string; campaignId: number },
    channelIndex: number,
    code: string,
    text: string,
    at: Date,
    block: boolean,
  ): Promise<boolean> {
    // One statement (one round trip, atomic): the message fails, the block row (if asked) and the delivery move.
    const { rows } = await this.pool.query(
      `WITH m AS (
         UPDATE messages SET status = 'failed', error_code = $3, error_text = $4
          WHERE delivery_id = $1 AND channel_index = $2 AND status IN ('sending', 'deferred') RETURNING 1
       ), b AS (
         INSERT INTO campaign_channel_blocks (campaign_id, channel_index, code, text)
         SELECT $6, $2, $3, $4 WHERE $7::boolean
         ON CONFLICT DO NOTHING RETURNING 1
       ), d AS (
         UPDATE deliveries SET channel_index = $2 + 1, status = 'queued', queued_at = $5
          WHERE id = $1 AND channel_index = $2 AND status IN ${OPEN_DELIVERY_SQL} RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM d) AS moved`,
      [d.id, channelIndex, code, text.slice(0, 2000), at, d.campaignId, block],
    );
    return rows[0].moved as boolean;
  }

  async cancel(deliveryId: string, at: Date): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET status = 'cancelled', final_at = $2 WHERE id = $1 AND status IN ${OPEN_DELIVERY_SQL}`,
      [deliveryId, at],
    );
  }

  /** Campaign paused: the delivery goes back to pending; resume re-enqueues it through dispatch-run. */
  async backToPending(deliveryId: string): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET status = 'pending' WHERE id = $1 AND status IN ('queued', 'sending')`,
      [deliveryId],
    );
  }

  async template(id: number): Promise<TemplateRow | null> {
    const { rows } = await this.pool.query(
      `SELECT id, channel, body, unaccented, zns_template_id AS "znsTemplateId", zns_params AS "znsParams",
              registrations
         FROM templates WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
