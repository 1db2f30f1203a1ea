/**
 * Segment counts on N generated subscribers, in a database of its own: each typical filter's count with carrier
 * and unit breakdown (median of 3), beside a raw `SELECT count(*) FROM subscribers` measured in the same run.
 * Standalone: `npm run build && node dist/bench/segments.bench.js 1000000`.
 */
import { performance } from 'node:perf_hooks';
import { CARRIERS } from '@loa/core';
import { countSegment, QueryRows, SegmentAudienceSource } from '@loa/segments';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '../test/support';

const PROVINCE_DISTRICTS = 8;
const DISTRICT_COMMUNES = 15;

async function median3(fn: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await fn();
    t.push(performance.now() - start);
  }
  return t.sort((a, b) => a - b)[1];
}

export async function runSegmentsBench(size: number): Promise<Record<string, number | string>> {
  const cfg = testConfig(uniqueName('loa_bench_segments'));
  await createTestDatabase(cfg);
  const sql = await sqlClient(cfg);
  const q: QueryRows = async (s, p) => (await sql.query(s, p)).rows;
  try {
    // One province, 8 districts of 15 communes: the 2020 three-level layout.
    await sql.query(
      `INSERT INTO units (id, code, name, level, parent_id, path, depth) VALUES (1, 'P', 'Tỉnh Thái Bình', 'province', NULL, '/1/', 0)`,
    );
    await sql.query(
      `INSERT INTO units (id, code, name, level, parent_id, path, depth)
       SELECT 1 + d, 'D' || d, 'Huyện ' || d, 'district', 1, '/1/' || (1 + d) || '/', 1 FROM generate_series(1, $1) d`,
      [PROVINCE_DISTRICTS],
    );
    await sql.query(
      `INSERT INTO units (id, code, name, level, parent_id, path, depth)
       SELECT 100 + d * 100 + c, 'C' || d || '-' || c, 'Xã ' || d || '-' || c, 'commune', 1 + d,
              '/1/' || (1 + d) || '/' || (100 + d * 100 + c) || '/', 2
         FROM generate_series(1, $1) d, generate_series(1, $2) c`,
      [PROVINCE_DISTRICTS, DISTRICT_COMMUNES],
    );
    const genStart = performance.now();
    await sql.query(
      `INSERT INTO subscribers (phone, carrier, unit_id, tags, installed_at, last_clicked_at, opted_out_at)
       SELECT '84' || (300000000 + i)::text,
              ($2::text[])[1 + (i * 7) % 6],
              100 + (1 + i % $3) * 100 + 1 + (i / $3) % $4,
              CASE i % 10 WHEN 0 THEN ARRAY['teacher'] WHEN 1 THEN ARRAY['hotel', 'transport'] ELSE '{}' END,
              CASE WHEN i % 10 < 3 THEN now() - (i % 60) * interval '1 day' END,
              CASE WHEN i % 13 = 0 THEN now() - (i % 30) * interval '1 day' END,
              CASE WHEN i % 200 = 0 THEN now() END
         FROM generate_series(1, $1) i`,
      [size, CARRIERS, PROVINCE_DISTRICTS, DISTRICT_COMMUNES],
    );
    await sql.query(
      `INSERT INTO dnc_numbers (phone) SELECT '84' || (300000000 + i)::text FROM generate_series(1, $1, 97) i`,
      [size],
    );
    const generateMs = performance.now() - genStart;
    await sql.query('VACUUM ANALYZE subscribers');
    await sql.query('VACUUM ANALYZE dnc_numbers');
    await sql.query('ANALYZE units');

    const now = new Date();
    const filters: [string, SegmentAudienceSource][] = [
      ['everyone (national)', { filter: {}, unitId: null }],
      ['not installed', { filter: { installed: false }, unitId: null }],
      [
        'district owner, not installed, not clicked 7d',
        { filter: { installed: false, notClickedWithinDays: 7 }, unitId: 2 },
      ],
      ['clicked within 7 days', { filter: { clickedWithinDays: 7 }, unitId: null }],
      [
        'tag teacher, viettel+mobifone',
        { filter: { tags: { any: ['teacher'] }, carriers: ['viettel', 'mobifone'] }, unitId: null },
      ],
      ['two communes, not installed', { filter: { unitIds: [201, 302], installed: false }, unitId: null }],
    ];
    const out: Record<string, number | string> = {
      subscribers: size,
      'generate rows/s': Math.round(size / (generateMs / 1000)),
    };
    const baseline = await median3(() => sql.query('SELECT count(*) FROM subscribers'));
    out['baseline count(*) ms'] = Math.round(baseline);
    for (const [name, source] of filters) {
      let total = 0;
      const ms = await median3(async () => {
        total = (await countSegment(q, source, now)).total;
      });
      out[`${name}: ms`] = Math.round(ms);
      out[`${name}: × baseline`] = Number((ms / baseline).toFixed(2));
      out[`${name}: audience`] = total;
      if (process.env.BENCH_EXPLAIN) {
        // The last query countSegment ran is the aggregate; print its plan shape for docs/segments.md.
        let last: [string, unknown[]] = ['', []];
        await countSegment(async (s, p) => ((last = [s, p]), (await sql.query(s, p)).rows), source, now);
        const plan = await sql.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${last[0]}`, last[1]);
        console.error(`\n--- ${name}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
    return out;
  } finally {
    await sql.end();
    await dropTestDatabase(cfg);
  }
}

if (require.main === module) {
  const size = Number(process.argv[2] ?? 100_000);
  runSegmentsBench(size).then(
    (r) => {
      for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(60)} ${v}`);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
