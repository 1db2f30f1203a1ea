import { Carrier } from '@loa/core';

/** A saved audience definition. Every field narrows; an empty filter means everyone in the key's scope. */
export interface SegmentFilter {
  /** Unit subtrees: a person in any of these units or below them. */
  unitIds?: number[];
  carriers?: Carrier[];
  tags?: { any?: string[]; all?: string[]; none?: string[] };
  /** true: only people marked installed; false: only people not yet installed. */
  installed?: boolean;
  /** Only people who clicked a Loa link within the last N days. */
  clickedWithinDays?: number;
  /** Only people who have not clicked within the last N days (or never). */
  notClickedWithinDays?: number;
}

const push = (params: unknown[], v: unknown): string => {
  params.push(v);
  return `$${params.length}`;
};

/**
 * SQL condition over `subscribers <alias>` for what the filter selects, before suppression.
 * Appends its parameters to `params`. `now` is a SQL expression for the current time (a parameter in tests
 * with a controllable clock).
 */
export function segmentMatchSql(f: SegmentFilter, params: unknown[], alias = 's', now = 'now()'): string {
  const c: string[] = [];
  if (f.unitIds?.length) {
    c.push(
      `${alias}.unit_id IN (SELECT d.id FROM units a JOIN units d ON d.path LIKE a.path || '%' WHERE a.id = ANY(${push(params, f.unitIds)}::int[]))`,
    );
  }
  if (f.carriers?.length) c.push(`${alias}.carrier = ANY(${push(params, f.carriers)}::text[])`);
  if (f.tags?.any?.length) c.push(`${alias}.tags && ${push(params, f.tags.any)}::text[]`);
  if (f.tags?.all?.length) c.push(`${alias}.tags @> ${push(params, f.tags.all)}::text[]`);
  if (f.tags?.none?.length) c.push(`NOT (${alias}.tags && ${push(params, f.tags.none)}::text[])`);
  if (f.installed === true) c.push(`${alias}.installed_at IS NOT NULL`);
  if (f.installed === false) c.push(`${alias}.installed_at IS NULL`);
  if (f.clickedWithinDays !== undefined) {
    c.push(`${alias}.last_clicked_at >= ${now} - make_interval(days => ${push(params, f.clickedWithinDays)}::int)`);
  }
  if (f.notClickedWithinDays !== undefined) {
    c.push(
      `(${alias}.last_clicked_at IS NULL OR ${alias}.last_clicked_at < ${now} - make_interval(days => ${push(params, f.notClickedWithinDays)}::int))`,
    );
  }
  return c.length ? c.join(' AND ') : 'TRUE';
}

/** People nobody may message: opted out, or on the Do-Not-Call list. Always applied. */
export function notSuppressedSql(alias = 's'): string {
  return `${alias}.opted_out_at IS NULL AND NOT EXISTS (SELECT 1 FROM dnc_numbers dnc WHERE dnc.phone = ${alias}.phone)`;
}

/** The full audience condition: the filter, minus the suppressed. */
export function segmentWhereSql(f: SegmentFilter, params: unknown[], alias = 's', now = 'now()'): string {
  return `${segmentMatchSql(f, params, alias, now)} AND ${notSuppressedSql(alias)}`;
}

/** What is needed to evaluate a stored segment: its filter and the unit that owns it (null = national). */
export interface SegmentAudienceSource {
  filter: SegmentFilter;
  unitId: number | null;
}

/** Restricts `subscribers <alias>` to the subtree of `unitId` (no restriction when null). */
export function ownerUnitSql(unitId: number | null, params: unknown[], alias = 's'): string {
  if (unitId === null) return 'TRUE';
  return `${alias}.unit_id IN (SELECT d.id FROM units o JOIN units d ON d.path LIKE o.path || '%' WHERE o.id = ${push(params, unitId)}::int)`;
}

/**
 * The audience of a stored segment, for fan-out and preview: the filter, restricted to the owning unit's subtree
 * (a district's segment never reaches outside the district, even with an empty filter), minus the suppressed.
 */
export function segmentAudienceSql(
  segment: SegmentAudienceSource,
  params: unknown[],
  alias = 's',
  now = 'now()',
): string {
  return `${segmentMatchSql(segment.filter, params, alias, now)} AND ${ownerUnitSql(segment.unitId, params, alias)} AND ${notSuppressedSql(alias)}`;
}
