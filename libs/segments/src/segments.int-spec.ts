import { Client } from 'pg';
import { CARRIERS } from '@loa/core';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '@loa/testing';
import { countSegment, nowSql, QueryRows } from './segment-count';
import { SegmentFilter, segmentAudienceSql } from './segment-filter';

/**
 * Generates a few thousand people with SQL, then checks every count against one computed independently in JS
 * from the same rows.
 */
const NOW = new Date('2026-03-01T03:00:00Z');
const DAY = 86_400_000;
const N = 4000;

interface Person {
  phone: string;
  carrier: string;
  unit_id: number | null;
  tags: string[];
  installed_at: Date | null;
  last_clicked_at: Date | null;
  opted_out_at: Date | null;
}
interface Unit {
  id: number;
  path: string;
  parent_id: number | null;
  depth: number;
}

describe('segment counts (integration, real PostgreSQL)', () => {
  const cfg = testConfig(uniqueName());
  let sql: Client;
  let q: QueryRows;
  let people: Person[];
  let units: Unit[];
  let dnc: Set<string>;
  const u: Record<string, number> = {};

  beforeAll(async () => {
    await createTestDatabase(cfg);
    sql = await sqlClient(cfg);
    q = async (s, p) => (await sql.query(s, p)).rows;
    // Two provinces; province A has districts A1, A2 with two communes each; province B has communes directly
    // (the post-2025 two-level layout).
    const add = async (code: string, parent: string | null) => {
      const parentRow = parent
        ? (await sql.query('SELECT path, depth FROM units WHERE id = $1', [u[parent]])).rows[0]
        : null;
      const { rows } = await sql.query(
        `INSERT INTO units (code, name, level, parent_id, path, depth) VALUES ($1, $1, 'x', $2, '', $3) RETURNING id`,
        [code, parent ? u[parent] : null, parentRow ? parentRow.depth + 1 : 0],
      );
      u[code] = rows[0].id;
      await sql.query(`UPDATE units SET path = $2 WHERE id = $1`, [u[code], `${parentRow?.path ?? '/'}${u[code]}/`]);
    };
    await add('A', null);
    await add('A1', 'A');
    await add('A1a', 'A1');
    await add('A1b', 'A1');
    await add('A2', 'A');
    await add('A2a', 'A2');
    await add('A2b', 'A2');
    await add('B', null);
    await add('Ba', 'B');
    await add('Bb', 'B');
    const unitIds = Object.values(u);
    await sql.query(
      `INSERT INTO subscribers (phone, carrier, unit_id, tags, installed_at, last_clicked_at, opted_out_at)
       SELECT '849' || lpad(i::text, 8, '0'),
              ($2::text[])[1 + abs(hashtext(i || 'c')) % 6],
              CASE WHEN i % 53 = 0 THEN NULL ELSE ($3::int[])[1 + abs(hashtext(i || 'u')) % cardinality($3::int[])] END,
              array_remove(ARRAY[
                CASE WHEN abs(hashtext(i || 't1')) % 3 = 0 THEN 'teacher' END,
                CASE WHEN abs(hashtext(i || 't2')) % 4 = 0 THEN 'hotel' END,
                CASE WHEN abs(hashtext(i || 't3')) % 5 = 0 THEN 'transport' END], NULL),
              CASE WHEN abs(hashtext(i || 'i')) % 10 < 3 THEN $1::timestamptz - (i % 100) * interval '1 day' END,
              CASE WHEN abs(hashtext(i || 'k')) % 7 < 3
                   THEN $1::timestamptz - (abs(hashtext(i || 'd')) % 90) * interval '1 day' - interval '1 hour' END,
              CASE WHEN i % 41 = 0 THEN $1::timestamptz END
         FROM generate_series(1, ${N}) i`,
      [NOW, CARRIERS, unitIds],
    );
    await sql.query(
      `INSERT INTO dnc_numbers (phone) SELECT '849' || lpad(i::text, 8, '0') FROM generate_series(1, ${N}) i WHERE i % 37 = 0`,
    );
    await sql.query(`INSERT INTO dnc_numbers (phone) VALUES ('84999999999')`); // on DNC, not a subscriber
    people = (
      await sql.query(
        'SELECT phone, carrier, unit_id, tags, installed_at, last_clicked_at, opted_out_at FROM subscribers',
      )
    ).rows;
    units = (await sql.query('SELECT id, path, parent_id, depth FROM units')).rows;
    dnc = new Set((await sql.query('SELECT phone FROM dnc_numbers')).rows.map((r) => r.phone));
  });

  afterAll(async () => {
    await sql?.end();
    await dropTestDatabase(cfg);
  });

  const pathOf = (id: number | null) => units.find((x) => x.id === id)?.path ?? null;
  const inSubtree = (unitId: number | null, rootId: number) =>
    unitId !== null && (pathOf(unitId) ?? '').startsWith(pathOf(rootId)!);

  function matches(p: Person, f: SegmentFilter, owner: number | null): boolean {
    if (owner !== null && !inSubtree(p.unit_id, owner)) return false;
    if (f.unitIds && !f.unitIds.some((id) => inSubtree(p.unit_id, id))) return false;
    if (f.carriers && !f.carriers.includes(p.carrier as never)) return false;
    if (f.tags?.any && !f.tags.any.some((t) => p.tags.includes(t))) return false;
    if (f.tags?.all && !f.tags.all.every((t) => p.tags.includes(t))) return false;
    if (f.tags?.none && f.tags.none.some((t) => p.tags.includes(t))) return false;
    if (f.installed !== undefined && (p.installed_at !== null) !== f.installed) return false;
    const since = (d: number) => NOW.getTime() - d * DAY;
    if (
      f.clickedWithinDays !== undefined &&
      !(p.last_clicked_at && p.last_clicked_at.getTime() >= since(f.clickedWithinDays))
    )
      return false;
    if (
      f.notClickedWithinDays !== undefined &&
      p.last_clicked_at &&
      p.last_clicked_at.getTime() >= since(f.notClickedWithinDays)
    )
      return false;
    return true;
  }

  /** Independent bucket rule: the deepest bucket whose subtree holds the person's unit. */
  function bucketsFor(f: SegmentFilter, owner: number | null): Unit[] {
    if (f.unitIds) {
      const listed = units.filter((x) => f.unitIds!.includes(x.id));
      return listed.filter((x) => !listed.some((o) => o !== x && x.path.startsWith(o.path)));
    }
    return units.filter((x) => (owner === null ? x.parent_id === null : x.id === owner || x.parent_id === owner));
  }

  const cases: [string, SegmentFilter, string | null][] = [
    ['everyone, national', {}, null],
    ['one district subtree', { unitIds: [0] }, null], // ids resolved below from codes
    ['a commune plus another province', { unitIds: [0, 0] }, null],
    ['nested units listed together', { unitIds: [0, 0] }, null],
    ['two carriers', { carriers: ['viettel', 'mobifone'] }, null],
    ['tags any', { tags: { any: ['teacher', 'hotel'] } }, null],
    ['tags all', { tags: { all: ['teacher', 'hotel'] } }, null],
    ['tags none', { tags: { none: ['teacher'] } }, null],
    ['not installed', { installed: false }, null],
    ['installed', { installed: true }, null],
    ['clicked within 7 days', { clickedWithinDays: 7 }, null],
    ['not clicked within 30 days', { notClickedWithinDays: 30 }, null],
    [
      'combined',
      {
        unitIds: [0],
        carriers: ['viettel', 'vinaphone', 'itel'],
        tags: { any: ['teacher'], none: ['hotel'] },
        installed: false,
        notClickedWithinDays: 14,
      },
      null,
    ],
    ['district owner, empty filter', {}, 'A1'],
    ['district owner, not installed, one commune', { installed: false, unitIds: [0] }, 'A2'],
    ['province owner (two levels), clicked within 60 days', { clickedWithinDays: 60 }, 'B'],
  ];
  const unitCodes: Record<string, string[]> = {
    'one district subtree': ['A1'],
    'a commune plus another province': ['A2b', 'B'],
    'nested units listed together': ['A', 'A1a'],
    combined: ['A'],
    'district owner, not installed, one commune': ['A2a'],
  };

  it.each(cases)('%s', async (label, rawFilter, ownerCode) => {
    const filter: SegmentFilter = {
      ...rawFilter,
      ...(unitCodes[label] ? { unitIds: unitCodes[label].map((c) => u[c]) } : {}),
    };
    const owner = ownerCode ? u[ownerCode] : null;
    const matched = people.filter((p) => matches(p, filter, owner));
    const audience = matched.filter((p) => p.opted_out_at === null && !dnc.has(p.phone));
    expect(audience.length).toBeGreaterThan(0); // a case selecting nobody would prove little

    const expectedByCarrier: Record<string, number> = {};
    for (const p of audience) expectedByCarrier[p.carrier] = (expectedByCarrier[p.carrier] ?? 0) + 1;
    const buckets = bucketsFor(filter, owner);
    const expectedByUnit = new Map<number | null, number>();
    for (const p of audience) {
      const b = buckets.filter((x) => inSubtree(p.unit_id, x.id)).sort((a, c) => c.depth - a.depth)[0];
      expectedByUnit.set(b?.id ?? null, (expectedByUnit.get(b?.id ?? null) ?? 0) + 1);
    }

    const got = await countSegment(q, { filter, unitId: owner }, NOW);
    expect(got.total).toBe(audience.length);
    expect(got.matched).toBe(matched.length);
    expect(got.excluded).toEqual({
      optedOut: matched.filter((p) => p.opted_out_at !== null).length,
      dnc: matched.filter((p) => p.opted_out_at === null && dnc.has(p.phone)).length,
    });
    expect(got.byCarrier).toEqual(expectedByCarrier);
    expect(got.unitBreakdown).toBe(filter.unitIds ? 'filter-units' : 'children-of-scope');
    const gotByUnit = new Map(got.byUnit.filter((b) => b.count > 0).map((b) => [b.unitId, b.count]));
    expect(gotByUnit).toEqual(expectedByUnit);
    expect(new Set(got.byUnit.map((b) => b.unitId).filter((id) => id !== null))).toEqual(
      new Set(buckets.map((b) => b.id)),
    );

    // The helper the campaigns fan-out uses selects the same people.
    const params: unknown[] = [];
    const where = segmentAudienceSql({ filter, unitId: owner }, params, 's', nowSql(NOW));
    const { rows } = await sql.query(`SELECT phone FROM subscribers s WHERE ${where}`, params);
    expect(rows.map((r) => r.phone).sort()).toEqual(audience.map((p) => p.phone).sort());
  });

  it('generated data covers every dimension', () => {
    expect(new Set(people.map((p) => p.carrier))).toEqual(new Set(CARRIERS));
    expect(people.some((p) => p.unit_id === null)).toBe(true);
    expect(people.some((p) => p.opted_out_at && dnc.has(p.phone))).toBe(true);
    expect(people.filter((p) => p.last_clicked_at).length).toBeGreaterThan(N / 4);
  });
});
