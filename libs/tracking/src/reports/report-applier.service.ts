import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@loa/core';
import { markRunsDirty } from '@loa/stats';

interface Matched {
  id: string;
  gateway_id: string;
  status: 'delivered' | 'failed' | 'seen';
  carrier: string | null;
  code: string | null;
  occurred_at: Date;
  message_id: string | null;
  delivery_id: string | null;
}

/** TypeORM answers an UPDATE … RETURNING with [rows, affected]; a SELECT with the rows. */
function updatedRows(res: unknown): { run_id: string }[] {
  return Array.isArray(res) && Array.isArray(res[0]) ? (res[0] as { run_id: string }[]) : (res as { run_id: string }[]);
}

/** What a batch did, for logs, metrics and tests. */
export interface ApplyResult {
  applied: number;
  unmatched: number;
}

/**
 * Applies stored delivery reports to messages, deliveries and subscribers, a batch at a time, set-based.
 * Rules: a delivery never moves backwards (delivered is final; a failure report cannot undo a delivery);
 * "seen" implies delivered; a failure fails the delivery only while it is still on that channel attempt; a
 * report naming another carrier corrects the person's carrier unless an operator override exists. A report
 * whose message is not known yet (the report outran our record of the send) stays unapplied for the sweep.
 */
@Injectable()
export class ReportApplierService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Applies these reports (those not yet applied and not locked by another applier). */
  async apply(ids: string[]): Promise<ApplyResult> {
    if (!ids.length) return { applied: 0, unmatched: 0 };
    return this.ds.transaction((m) => this.applyIn(m, ids));
  }

  /** Unapplied reports of the last week, least recently tried first (so orphans never starve newer reports). */
  async pendingIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM delivery_reports
        WHERE applied_at IS NULL AND received_at > $1::timestamptz - interval '7 days'
        ORDER BY tried_at NULLS FIRST, id LIMIT $2`,
      [this.clock.now(), limit],
    );
    return rows.map((r) => String(r.id));
  }

  private async applyIn(m: EntityManager, ids: string[]): Promise<ApplyResult> {
    const now = this.clock.now();
    const rows: Matched[] = await m.query(
      // A report's own time is not trusted beyond its arrival (clamped here) or before the send (in the UPDATEs).
      `SELECT r.id, r.gateway_id, r.status, r.carrier, r.code, LEAST(r.occurred_at, r.received_at) AS occurred_at,
              msg.id AS message_id, msg.delivery_id
         FROM delivery_reports r
         LEFT JOIN LATERAL (
           (SELECT x.id, x.delivery_id FROM messages x
             WHERE r.provider_message_id IS NOT NULL AND x.gateway_id = r.gateway_id
               AND x.provider_message_id = r.provider_message_id LIMIT 1)
           UNION ALL
           (SELECT x.id, x.delivery_id FROM messages x
             WHERE r.request_id IS NOT NULL AND x.request_id = r.request_id AND x.gateway_id = r.gateway_id)
           LIMIT 1
         ) msg ON true
        WHERE r.id = ANY($1::bigint[]) AND r.applied_at IS NULL
        ORDER BY r.id
        FOR UPDATE OF r SKIP LOCKED`,
      [ids],
    );
    const matched = rows.filter((r) => r.message_id);
    const unmatched = rows.filter((r) => !r.message_id);
    if (unmatched.length) {
      await m.query(`UPDATE delivery_reports SET tried_at = $2 WHERE id = ANY($1::bigint[])`, [
        unmatched.map((r) => r.id),
        now,
      ]);
    }
    if (!matched.length) return { applied: 0, unmatched: unmatched.length };

    // Per message, the best news wins: any delivered/seen report makes it delivered (earliest time), else failed.
    const best = new Map<string, Matched>();
    for (const r of matched) {
      const cur = best.get(r.message_id!);
      const good = (x: Matched) => x.status !== 'failed';
      if (!cur || (good(r) && !good(cur)) || (good(r) === good(cur) && r.occurred_at < cur.occurred_at)) {
        best.set(r.message_id!, r);
      }
    }
    const ok = [...best.values()].filter((r) => r.status !== 'failed');
    const bad = [...best.values()].filter((r) => r.status === 'failed');
    const runIds = new Set<string>();

    if (ok.length) {
      const args = [ok.map((r) => r.message_id), ok.map((r) => r.occurred_at)];
      await m.query(
        `UPDATE messages x
            SET status = 'delivered', delivered_at = coalesce(x.delivered_at, GREATEST(v.at, x.sent_at)), error_code = NULL,
                sent_at = coalesce(x.sent_at, v.at) -- a report proves the gateway took it (and charges for it)
           FROM unnest($1::bigint[], $2::timestamptz[]) AS v(id, at)
          WHERE x.id = v.id AND x.status <> 'delivered'`,
        args,
      );
      const runs: unknown = await m.query(
        `UPDATE deliveries d
            SET status = 'delivered', delivered_at = coalesce(d.delivered_at, x.delivered_at),
                final_at = coalesce(d.final_at, x.delivered_at),
                error_code = NULL, error_text = NULL
           FROM unnest($1::bigint[], $2::timestamptz[]) AS v(id, at)
           JOIN messages x ON x.id = v.id
          WHERE d.id = x.delivery_id AND d.status <> 'delivered'
          RETURNING d.run_id`,
        args,
      );
      updatedRows(runs).forEach((r) => runIds.add(String(r.run_id)));
    }
    if (bad.length) {
      const args = [bad.map((r) => r.message_id), bad.map((r) => r.occurred_at), bad.map((r) => r.code ?? 'failed')];
      await m.query(
        `UPDATE messages x SET status = 'failed', error_code = v.code, error_text = 'delivery report',
                sent_at = coalesce(x.sent_at, v.at)
           FROM unnest($1::bigint[], $2::timestamptz[], $3::text[]) AS v(id, at, code)
          WHERE x.id = v.id AND x.status IN ('sending', 'sent', 'unknown')`,
        args,
      );
      const runs: unknown = await m.query(
        `UPDATE deliveries d
            SET status = 'failed', error_code = v.code, error_text = 'delivery report: ' || v.code,
                final_at = coalesce(d.final_at, v.at)
           FROM unnest($1::bigint[], $2::timestamptz[], $3::text[]) AS v(id, at, code)
           JOIN messages x ON x.id = v.id
          WHERE d.id = x.delivery_id AND d.channel_index = x.channel_index AND d.status IN ('queued', 'sending', 'sent')
          RETURNING d.run_id`,
        args,
      );
      updatedRows(runs).forEach((r) => runIds.add(String(r.run_id)));
    }

    const ported = matched.filter((r) => r.carrier);
    if (ported.length) await this.correctCarriers(m, ported);

    await m.query(
      `UPDATE delivery_reports r SET applied_at = $3, tried_at = $3, message_id = v.mid
         FROM unnest($1::bigint[], $2::bigint[]) AS v(id, mid) WHERE r.id = v.id`,
      [matched.map((r) => r.id), matched.map((r) => r.message_id), now],
    );
    await markRunsDirty(m, [...runIds], now);
    return { applied: matched.length, unmatched: unmatched.length };
  }

  /** Number portability: the gateway knows the real carrier. Operator overrides always win. Audited. */
  private async correctCarriers(m: EntityManager, rows: Matched[]): Promise<void> {
    await m.query(
      `WITH v AS (
         SELECT DISTINCT ON (d.subscriber_id) d.subscriber_id, v.carrier, v.gateway
           FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v(delivery_id, carrier, gateway)
           JOIN deliveries d ON d.id = v.delivery_id
       ), changed AS (
         UPDATE subscribers s SET carrier = v.carrier, carrier_source = 'report', updated_at = now()
           FROM v
          WHERE s.id = v.subscriber_id AND s.carrier <> v.carrier AND s.carrier_source <> 'override'
            AND NOT EXISTS (SELECT 1 FROM carrier_overrides o WHERE o.phone = s.phone)
          RETURNING s.id, s.carrier, v.gateway
       )
       INSERT INTO audit_log (api_key_id, action, entity, entity_id, details)
       SELECT NULL, 'carrier-from-report', 'subscriber', id::text, jsonb_build_object('carrier', carrier, 'gateway', gateway)
         FROM changed`,
      [rows.map((r) => r.delivery_id), rows.map((r) => r.carrier), rows.map((r) => r.gateway_id)],
    );
  }
}
