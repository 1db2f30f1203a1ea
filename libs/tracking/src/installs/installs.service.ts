import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, Principal, unitScopeSql } from '@loa/access';
import { APP_CONFIG, AppConfig, Clock } from '@loa/core';
import { markRunsDirty } from '@loa/stats';
import { normalizePhone } from '@loa/subscribers';

export interface InstallInput {
  phone: unknown;
  installedAt?: Date;
}

export interface InstallResult {
  received: number;
  /** Newly recorded installs (people not recorded as installed before). */
  installed: number;
  alreadyInstalled: number;
  /** Of the new installs, those credited to a campaign message. */
  attributed: number;
  /** Valid numbers that are not subscribers (within the caller's unit subtree). */
  unknown: string[];
  invalid: { index: number; value: string; reason: string }[];
}

/**
 * Records installs reported by the app side and credits each to the campaign whose message the person last
 * received or clicked within `tracking.installWindowDays` before installing. Sets subscribers.installed_at (the
 * campaigns' fan-out stops reminding them). One set-based transaction per call.
 */
@Injectable()
export class InstallsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  async record(who: Principal | null, inputs: InstallInput[], source: 'api' | 'import'): Promise<InstallResult> {
    const now = this.clock.now();
    const invalid: InstallResult['invalid'] = [];
    const byPhone = new Map<string, Date>();
    inputs.forEach((x, index) => {
      const p = normalizePhone(x.phone);
      if (!p.ok) return invalid.push({ index, value: String(x.phone ?? ''), reason: p.reason });
      const at = x.installedAt ?? now;
      if (at.getTime() > now.getTime() + 60_000) {
        return invalid.push({ index, value: String(x.phone), reason: 'installedAt is in the future' });
      }
      const prev = byPhone.get(p.phone);
      if (!prev || at < prev) byPhone.set(p.phone, at); // the first install counts
    });
    const phones = [...byPhone.keys()];
    const ats = phones.map((p) => byPhone.get(p)!);
    // Only the caller's subtree: a district's key never marks (or learns about) another district's subscribers; a
    // number outside it answers as unknown, exactly like a number that is nobody's.
    const params: unknown[] = [phones, ats, this.cfg.tracking.installWindowDays, source];
    const inScope = who ? unitScopeSql(who, 's.unit_id', params) : 'TRUE';
    return this.ds.transaction(async (m) => {
      const rows: { phone: string; subscriber_id: string | null; inserted: boolean; run_id: string | null }[] =
        await m.query(
          `WITH v AS (SELECT * FROM unnest($1::text[], $2::timestamptz[]) AS v(phone, at)),
           s AS (SELECT s.id, s.phone, s.unit_id, v.at FROM v JOIN subscribers s ON s.phone = v.phone WHERE ${inScope}),
           upd AS (
             UPDATE subscribers x SET installed_at = s.at, updated_at = now() FROM s
              WHERE x.id = s.id AND (x.installed_at IS NULL OR x.installed_at > s.at) RETURNING x.id
           ),
           att AS (
             SELECT s.id, s.phone, s.unit_id, s.at, a.delivery_id, a.campaign_id, a.run_id, a.via
               FROM s LEFT JOIN LATERAL (
                 SELECT d.id AS delivery_id, d.campaign_id, d.run_id,
                        CASE WHEN d.first_clicked_at <= s.at THEN 'click' ELSE 'message' END AS via, t.touched
                   FROM deliveries d
                  CROSS JOIN LATERAL (
                    SELECT max(x) AS touched FROM unnest(ARRAY[d.first_clicked_at, d.delivered_at, d.sent_at]) x
                     WHERE x <= s.at
                  ) t
                  WHERE d.subscriber_id = s.id AND d.created_at <= s.at
                    AND d.created_at > s.at - make_interval(days => $3 + 1)
                    AND t.touched > s.at - make_interval(days => $3)
                  ORDER BY t.touched DESC LIMIT 1
               ) a ON true
           ),
           ins AS (
             INSERT INTO installs (subscriber_id, phone, unit_id, installed_at, delivery_id, campaign_id, run_id, via, source)
             SELECT id, phone, unit_id, at, delivery_id, campaign_id, run_id, via, $4 FROM att
             ON CONFLICT (subscriber_id) DO NOTHING
             RETURNING subscriber_id, run_id
           )
           SELECT v.phone, s.id AS subscriber_id, ins.subscriber_id IS NOT NULL AS inserted, ins.run_id
             FROM v LEFT JOIN s ON s.phone = v.phone LEFT JOIN ins ON ins.subscriber_id = s.id`,
          params,
        );
      const result: InstallResult = {
        received: inputs.length,
        installed: rows.filter((r) => r.inserted).length,
        alreadyInstalled: rows.filter((r) => r.subscriber_id && !r.inserted).length,
        attributed: rows.filter((r) => r.inserted && r.run_id).length,
        unknown: rows.filter((r) => !r.subscriber_id).map((r) => r.phone),
        invalid,
      };
      await markRunsDirty(
        m,
        rows.filter((r) => r.run_id).map((r) => r.run_id!),
        now,
      );
      await this.audit.record(
        who,
        'record-installs',
        'installs',
        null,
        { source, received: result.received, installed: result.installed, attributed: result.attributed },
        m,
      );
      return result;
    });
  }
}
