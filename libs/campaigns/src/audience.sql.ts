import { notSuppressedSql, ownerUnitSql, segmentMatchSql, SegmentFilter } from '@loa/segments';

/** Everything that decides who a run reaches. Preview and fan-out build their SQL from this one place. */
export interface AudienceSpec {
  segment: { filter: SegmentFilter; unitId: number | null };
  /** The campaign's owning unit: a district's campaign never reaches outside the district. */
  campaignUnitId: number | null;
  frequencyCap: number;
  capWindowHours: number;
  stopOnClick: boolean;
  stopOnInstall: boolean;
  /** Deliveries of this run are not counted against the cap (a re-run batch must not cap itself). */
  runId?: string | null;
}

const push = (params: unknown[], v: unknown): string => {
  params.push(v);
  return `$${params.length}`;
};

/**
 * `SELECT s.id, s.phone, s.carrier, s.unit_id, <reason>` over the people the segment matches (filter + owner
 * units), where reason is NULL for those who get a delivery and otherwise the FIRST that applies of:
 * opted_out → dnc → installed → clicked → frequency_cap. The fixed order makes the reasons add up to
 * matched − reached, and the cheap per-person facts go before the cap, which reads the deliveries index.
 *
 * The cap counts, across ALL campaigns, the person's deliveries created within cap_window_hours before `now`
 * that still count (not cancelled, expired or failed); reaching `frequencyCap` of them excludes the person.
 * `idRange` restricts to subscribers with lower < id <= upper (fan-out batches). With a range, the cap is one
 * aggregate over the range's deliveries in the window (a single scan of `deliveries_subscriber_idx`, hash-joined)
 * instead of one index probe per person: the same rule at a fraction of the cost (docs/performance.md). The
 * whole-audience preview keeps the per-person probe: without a range the aggregate would read the whole window.
 */
export function audienceSelectSql(
  a: AudienceSpec,
  params: unknown[],
  now: string,
  idRange?: { lower: string; upper: string },
): string {
  const where = [
    segmentMatchSql(a.segment.filter, params, 's', now),
    ownerUnitSql(a.segment.unitId, params, 's'),
    ownerUnitSql(a.campaignUnitId, params, 's'),
  ];
  const range = idRange && { lower: push(params, idRange.lower), upper: push(params, idRange.upper) };
  if (range) where.unshift(`s.id > ${range.lower}::bigint AND s.id <= ${range.upper}::bigint`);
  const cap = push(params, a.frequencyCap);
  const capWindow = push(params, a.capWindowHours);
  const ownRun = a.runId ? `AND d.run_id <> ${push(params, a.runId)}::bigint` : '';
  const counted = `d.created_at > ${now} - make_interval(hours => ${capWindow}::int) AND d.created_at <= ${now}
               AND d.status NOT IN ('cancelled', 'expired', 'failed') ${ownRun}`;
  let capJoin = '';
  let capped: string;
  if (range) {
    capJoin = `LEFT JOIN (SELECT d.subscriber_id FROM deliveries d
             WHERE d.subscriber_id > ${range.lower}::bigint AND d.subscriber_id <= ${range.upper}::bigint AND ${counted}
             GROUP BY d.subscriber_id HAVING count(*) >= ${cap}::int) capped ON capped.subscriber_id = s.id`;
    capped = 'capped.subscriber_id IS NOT NULL';
  } else {
    // LIMIT cap: stop probing once the cap is reached.
    capped = `(SELECT count(*) FROM (SELECT 1 FROM deliveries d WHERE d.subscriber_id = s.id AND ${counted}
             LIMIT ${cap}::int) c) >= ${cap}::int`;
  }
  const reasons = [
    `WHEN s.opted_out_at IS NOT NULL THEN 'opted_out'`,
    // The segments' own suppression rule: after the opt-out branch, what it still refuses is the DNC list.
    `WHEN NOT (${notSuppressedSql('s')}) THEN 'dnc'`,
    a.stopOnInstall ? `WHEN s.installed_at IS NOT NULL THEN 'installed'` : '',
    a.stopOnClick ? `WHEN s.last_clicked_at IS NOT NULL THEN 'clicked'` : '',
    `WHEN ${capped} THEN 'frequency_cap'`,
  ].filter(Boolean);
  return `SELECT s.id, s.phone, s.carrier, s.unit_id, CASE ${reasons.join(' ')} END AS reason
            FROM subscribers s ${capJoin}
           WHERE ${where.join(' AND ')}`;
}

/**
 * A fresh link code of `length` base62 characters, per row, from `uuidCol` (a `uuid_send(gen_random_uuid())`
 * computed once per row): only its fully random bytes (0–5 and 10–15; the version/variant bits are skipped) are
 * base64-encoded, and '+' and '/' dropped — rejection sampling, so every kept character is uniform over 62.
 * One uuid gives 16 characters: enough for up to 8 with margin; longer codes take a second uuid.
 */
export function linkCodeSql(length: number, uuidCol: string, uuid2Col: string): string {
  const bytes = (c: string) => `substr(${c}, 1, 6) || substr(${c}, 11, 6)`;
  const raw = length <= 8 ? bytes(uuidCol) : `${bytes(uuidCol)} || ${bytes(uuid2Col)}`;
  return `left(translate(encode(${raw}, 'base64'), '+/', ''), ${Math.trunc(length)})`;
}

/** Whether a second random uuid per row is needed for codes of this length. */
export const needsSecondUuid = (length: number): boolean => length > 8;
