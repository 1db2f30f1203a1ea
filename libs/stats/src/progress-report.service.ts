import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertWithin, Principal } from '@loa/access';

export interface ProgressRow {
  unitId: number;
  code: string;
  name: string;
  level: string;
  depth: number;
  parentId: number | null;
  /** Deliveries targeted in the period (one per person per run). */
  targeted: number;
  sent: number;
  delivered: number;
  /** People who clicked (unique per delivery, people only). */
  clicked: number;
  /** Installs reported in the period for people of the unit (attributed or not). */
  installed: number;
}

/**
 * The progress report each level sends up: every unit of a subtree with its own subtree's totals, so communes
 * add up to their district and districts to their province. Reads stats_daily and installs, grouped per unit
 * first, then rolled up along the materialised paths.
 */
@Injectable()
export class ProgressReportService {
  constructor(private readonly ds: DataSource) {}

  async progress(who: Principal, q: { unitId?: number; from: string; to: string }): Promise<ProgressRow[]> {
    const unitId = q.unitId ?? who.unitId ?? null;
    let basePath: string | null = null;
    if (unitId !== null) {
      const [u] = await this.ds.query(`SELECT path FROM units WHERE id = $1`, [unitId]);
      if (!u) return [];
      assertWithin(who, u.path);
      basePath = u.path;
    }
    const rows = await this.ds.query(
      `WITH per_unit AS (
         SELECT unit_id, sum(targeted) AS targeted, sum(sent) AS sent, sum(delivered) AS delivered, sum(clicked) AS clicked
           FROM stats_daily WHERE day BETWEEN $2::date AND $3::date AND unit_id IS NOT NULL GROUP BY unit_id
       ), inst AS (
         SELECT unit_id, count(*) AS installed FROM installs
          WHERE installed_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
            AND installed_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AND unit_id IS NOT NULL
          GROUP BY unit_id
       ), leaf AS (
         SELECT u.id, u.path, coalesce(p.targeted, 0) AS targeted, coalesce(p.sent, 0) AS sent,
                coalesce(p.delivered, 0) AS delivered, coalesce(p.clicked, 0) AS clicked, coalesce(i.installed, 0) AS installed
           FROM units u LEFT JOIN per_unit p ON p.unit_id = u.id LEFT JOIN inst i ON i.unit_id = u.id
          WHERE (p.unit_id IS NOT NULL OR i.unit_id IS NOT NULL) AND ($1::text IS NULL OR u.path LIKE $1 || '%')
       )
       SELECT g.id, g.code, g.name, g.level, g.depth, g.parent_id, g.path,
              coalesce(sum(l.targeted), 0)::int AS targeted, coalesce(sum(l.sent), 0)::int AS sent,
              coalesce(sum(l.delivered), 0)::int AS delivered, coalesce(sum(l.clicked), 0)::int AS clicked,
              coalesce(sum(l.installed), 0)::int AS installed
         FROM units g LEFT JOIN leaf l ON l.path LIKE g.path || '%'
        WHERE ($1::text IS NULL OR g.path LIKE $1 || '%')
        GROUP BY g.id
        ORDER BY g.path`,
      [basePath, q.from, q.to],
    );
    return rows.map((r: Record<string, never>) => ({
      unitId: r.id,
      code: r.code,
      name: r.name,
      level: r.level,
      depth: r.depth,
      parentId: r.parent_id,
      targeted: r.targeted,
      sent: r.sent,
      delivered: r.delivered,
      clicked: r.clicked,
      installed: r.installed,
    }));
  }
}
