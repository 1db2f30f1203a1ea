import { DataSource } from 'typeorm';
import { MOBILE_PREFIXES } from './phone/carrier-prefixes';

/**
 * A small, deterministic demo population: `perUnit` numbers in every leaf unit below `rootCodes` (or every leaf),
 * spread over all carriers' prefixes. Idempotent (same numbers each time, ON CONFLICT DO NOTHING).
 */
export async function seedDemoSubscribers(ds: DataSource, perUnit = 25): Promise<number> {
  const leaves: { id: number; code: string }[] = await ds.query(
    `SELECT u.id, u.code FROM units u WHERE NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.id) ORDER BY u.code`,
  );
  const prefixes = Object.keys(MOBILE_PREFIXES);
  const phones: string[] = [];
  const carriers: string[] = [];
  const units: number[] = [];
  const tags: string[] = [];
  let seed = 20200803; // the date of the Hưng Hà letter
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (const leaf of leaves) {
    for (let i = 0; i < perUnit; i++) {
      const p = prefixes[next() % prefixes.length];
      phones.push(`84${p}${String(next() % 10_000_000).padStart(7, '0')}`);
      carriers.push(MOBILE_PREFIXES[p]);
      units.push(leaf.id);
      tags.push(i % 5 === 0 ? 'teacher' : i % 3 === 0 ? 'hotel-staff' : 'resident');
    }
  }
  const rows = await ds.query(
    `INSERT INTO subscribers (phone, carrier, unit_id, tags, attributes)
     SELECT p, c, u, ARRAY[t, 'demo'], '{"source":"seed-demo"}'::jsonb
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) AS x(p, c, u, t)
     ON CONFLICT (phone) DO NOTHING RETURNING 1`,
    [phones, carriers, units, tags],
  );
  return rows.length;
}
