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
 * matched − reached, and the cheap per-person facts go before the cap, which probes the deliveries index.
 *
 * The cap counts, across ALL campaigns, the person's deliveries created within cap_window_hours before `now`
 * that still count (not cancelled, expired or failed); reaching `frequencyCap` of them excludes the person.
 * `idRange` restricts to subscribers with lower < id <= upper (fan-out batches).
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
  if (idRange)
    where.unshift(`s.id > ${push(params, idRange.lower)}::bigint AND s.id <= ${push(params, idRange.upper)}::bigint`);
  const cap = push(params, a.frequencyCap);
  const capWindow = push(params, a.capWindowHours);
  const ownRun = a.runId ? `AND d.run_id <> ${push(params, a.runId)}::bigint` : '';
  const reasons = [
    `WHEN s.opted_out_at IS NOT NULL THEN 'opted_out'`,
    // The segments' own suppression rule: after the opt-out branch, what it still refuses is the DNC list.
    `WHEN NOT (${notSuppressedSql('s')}) THEN 'dnc'`,
    a.stopOnInstall ? `WHEN s.installed_at IS NOT NULL THEN 'installed'` : '',
    a.stopOnClick ? `WHEN s.last_clicked_at IS NOT NULL THEN 'clicked'` : '',
    // LIMIT cap: stop probing once the cap is reached.
    `WHEN (SELECT count(*) FROM (SELECT 1 FROM deliveries d
             WHERE d.subscriber_id = s.id AND d.created_at > ${now} - make_interval(hours => ${capWindow}::int)
               AND d.created_at <= ${now}
               AND d.status NOT IN ('cancelled', 'expired', 'failed') ${ownRun}
             LIMIT ${cap}::int) c) >= ${cap}::int THEN 'frequency_cap'`,
  ].filter(Boolean);
  return `SELECT s.id, s.phone, s.carrier, s.unit_id, CASE ${reasons.join(' ')} END AS reason
            FROM subscribers s
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
