import { ownerUnitSql, segmentMatchSql, SegmentAudienceSource } from './segment-filter';

/** Runs SQL and returns rows: a TypeORM DataSource/EntityManager, or a pg Client wrapped as `(s, p) => c.query(s, p).then(r => r.rows)`. */
export type QueryRows = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface UnitBucket {
  unitId: number | null;
  code: string | null;
  name: string | null;
  count: number;
}

export interface SegmentCount {
  /** The audience: matches the filter and the owner's subtree, and is not suppressed. */
  total: number;
  /** Matched before suppression = total + excluded.optedOut + excluded.dnc. */
  matched: number;
  /** optedOut: opted out (whether or not on the DNC list); dnc: on the DNC list and not opted out. */
  excluded: { optedOut: number; dnc: number };
  byCarrier: Record<string, number>;
  /** How byUnit was grouped: by the filter's own units, or by the units one level below the scope root. */
  unitBreakdown: 'filter-units' | 'children-of-scope';
  /** Each bucket counts its whole subtree; the scope root's own bucket counts only people directly in it. */
  byUnit: UnitBucket[];
}

/** `now` as a SQL literal (an ISO string we generated: safe), so unused it costs no untyped parameter. */
export function nowSql(now: Date): string {
  return `'${now.toISOString()}'::timestamptz`;
}

interface BucketUnit {
  id: number;
  code: string;
  name: string;
  path: string;
}

/**
 * The units the breakdown groups by. With unit ids in the filter, those units (dropping any inside another listed
 * one, so each person lands in exactly one bucket). Otherwise the children of the scope root (the owner unit, or the
 * top-level units for a national segment) plus the root itself for people attached directly to it.
 */
async function bucketUnits(
  q: QueryRows,
  source: SegmentAudienceSource,
): Promise<[SegmentCount['unitBreakdown'], BucketUnit[]]> {
  const ids = source.filter.unitIds ?? [];
  if (ids.length) {
    const rows = (await q(`SELECT id, code, name, path FROM units WHERE id = ANY($1::int[])`, [
      ids,
    ])) as unknown as BucketUnit[];
    return ['filter-units', rows.filter((u) => !rows.some((o) => o.id !== u.id && u.path.startsWith(o.path)))];
  }
  const rows = (await q(
    source.unitId === null
      ? `SELECT id, code, name, path FROM units WHERE parent_id IS NULL`
      : `SELECT id, code, name, path FROM units WHERE id = $1 OR parent_id = $1`,
    source.unitId === null ? [] : [source.unitId],
  )) as unknown as BucketUnit[];
  return ['children-of-scope', rows];
}

/**
 * Counts a segment's audience with breakdowns in one pass over the matching subscribers. Units are few (thousands)
 * and subscribers many (millions), so each unit is first mapped to its bucket (deepest bucket whose path prefixes
 * the unit's path) and that small map is hash-joined to the subscribers.
 */
export async function countSegment(q: QueryRows, source: SegmentAudienceSource, now: Date): Promise<SegmentCount> {
  const [unitBreakdown, buckets] = await bucketUnits(q, source);
  const params: unknown[] = [buckets.map((b) => b.id)];
  const where = `${segmentMatchSql(source.filter, params, 's', nowSql(now))} AND ${ownerUnitSql(source.unitId, params, 's')}`;
  const rows = await q(
    `WITH ub AS (
       SELECT DISTINCT ON (u.id) u.id AS unit_id, b.id AS bucket_id
         FROM units u JOIN units b ON b.id = ANY($1::int[]) AND u.path LIKE b.path || '%'
        ORDER BY u.id, b.depth DESC)
     SELECT s.carrier, ub.bucket_id, (s.opted_out_at IS NOT NULL) AS opted_out, (dnc.phone IS NOT NULL) AS dnc,
            count(*)::int AS n
       FROM subscribers s
       LEFT JOIN ub ON ub.unit_id = s.unit_id
       LEFT JOIN dnc_numbers dnc ON dnc.phone = s.phone
      WHERE ${where}
      GROUP BY 1, 2, 3, 4`,
    params,
  );
  const out: SegmentCount = {
    total: 0,
    matched: 0,
    excluded: { optedOut: 0, dnc: 0 },
    byCarrier: {},
    unitBreakdown,
    byUnit: [],
  };
  const perBucket = new Map<number | null, number>();
  for (const r of rows) {
    const n = Number(r.n);
    out.matched += n;
    if (r.opted_out) out.excluded.optedOut += n;
    else if (r.dnc) out.excluded.dnc += n;
    else {
      out.total += n;
      out.byCarrier[String(r.carrier)] = (out.byCarrier[String(r.carrier)] ?? 0) + n;
      const b = (r.bucket_id as number | null) ?? null;
      perBucket.set(b, (perBucket.get(b) ?? 0) + n);
    }
  }
  out.byUnit = buckets
    .map((b) => ({ unitId: b.id, code: b.code, name: b.name, count: perBucket.get(b.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.unitId - b.unitId);
  // People with no unit, or (national segments only) none of the buckets: visible, not silently dropped.
  if (perBucket.get(null)) out.byUnit.push({ unitId: null, code: null, name: null, count: perBucket.get(null)! });
  return out;
}
