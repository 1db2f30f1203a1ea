/**
 * The set-based SQL of a subscriber import, run in the import's transaction over the temporary staging table
 * (one row per CSV record; `reason` set when the row is rejected).
 */

export const CREATE_STAGING = `
  CREATE TEMP TABLE import_staging (
    line        integer NOT NULL,
    raw         text,
    phone       text,
    carrier     text,
    unit_code   text,
    name        text,
    tags        text[],
    attributes  jsonb,
    reason      text
  ) ON COMMIT DROP`;

export const COPY_STAGING = `COPY import_staging (line, raw, phone, carrier, unit_code, name, tags, attributes, reason)
  FROM STDIN (FORMAT text)`;

/**
 * Every check in one pass, into a second temporary table (one row per staging row, in phone order): the reason a
 * row is rejected (first that applies: the normalizer's, unknown unit code; for a scoped key ($1 = "/1/7/%") unit
 * outside the subtree, no unit, a number registered outside the subtree; then "duplicate of line N" keeping the
 * first line of each number among the rows still valid), and for the valid rows what the merge must do:
 * 'i' insert (not stored yet), 'u' update (stored, and something would change), NULL nothing. The stored row is
 * read here once (`sub_id`), so the merge needs neither ON CONFLICT nor a second comparison over every row.
 */
export const CHECK_ROWS = `
  CREATE TEMP TABLE import_rows ON COMMIT DROP AS
  WITH checked AS (
    SELECT s.line, s.raw, s.phone, s.name, s.tags, s.attributes, u.id AS unit_id, x.id AS sub_id,
           COALESCE(o.carrier, s.carrier) AS carrier,
           CASE WHEN o.phone IS NULL THEN 'prefix' ELSE 'override' END AS carrier_source,
           CASE
             WHEN s.reason IS NOT NULL THEN s.reason
             WHEN s.unit_code IS NOT NULL AND u.id IS NULL THEN 'unknown unit code ' || s.unit_code
             WHEN $1::text IS NULL THEN NULL
             WHEN s.unit_code IS NOT NULL AND u.path NOT LIKE $1 THEN 'unit ' || s.unit_code || ' is outside your area'
             WHEN s.unit_code IS NULL THEN 'no unit: add a unit_code column or choose a default unit for the import'
             WHEN x.id IS NOT NULL AND (xu.path IS NULL OR xu.path NOT LIKE $1)
               THEN 'this number is not available'
           END AS reason,
           x.id IS NOT NULL AND (
                (u.id IS NOT NULL AND u.id IS DISTINCT FROM x.unit_id)
             OR (s.name IS NOT NULL AND s.name IS DISTINCT FROM x.name)
             OR NOT (x.tags @> s.tags)
             OR NOT (x.attributes @> s.attributes)
             OR ((o.phone IS NOT NULL OR x.carrier_source = 'prefix')
                 AND (COALESCE(o.carrier, s.carrier), CASE WHEN o.phone IS NULL THEN 'prefix' ELSE 'override' END)
                     IS DISTINCT FROM (x.carrier, x.carrier_source))) AS changed
      FROM import_staging s
      LEFT JOIN units u ON u.code = s.unit_code
      LEFT JOIN carrier_overrides o ON o.phone = s.phone
      LEFT JOIN subscribers x ON x.phone = s.phone
      LEFT JOIN units xu ON xu.id = x.unit_id
  ), deduped AS (
    SELECT c.*, min(line) FILTER (WHERE reason IS NULL) OVER (PARTITION BY phone) AS first_line FROM checked c
  )
  SELECT line, raw, phone, carrier, carrier_source, unit_id, name, tags, attributes, sub_id,
         CASE WHEN reason IS NOT NULL THEN reason
              WHEN line <> first_line THEN 'duplicate of line ' || first_line END AS reason,
         CASE WHEN reason IS NOT NULL OR line <> first_line THEN NULL
              WHEN sub_id IS NULL THEN 'i'
              WHEN changed THEN 'u' END AS action
    FROM deduped`;

export const STORE_REJECTIONS = `
  INSERT INTO import_rejections (import_id, line, raw, reason)
  SELECT $1, line, raw, reason FROM import_rows WHERE reason IS NOT NULL`;

export const COUNT_ROWS = `
  SELECT count(*)::int AS total, count(*) FILTER (WHERE reason IS NOT NULL)::int AS rejected FROM import_rows`;

/**
 * New numbers: a plain INSERT (no ON CONFLICT arbitration per row), in phone order so the phone index is filled
 * left to right. A number inserted by someone else since CHECK_ROWS makes it fail with a unique violation; the
 * caller then rolls back to a savepoint and runs MERGE_ALL instead.
 */
export const INSERT_NEW = `
  INSERT INTO subscribers (phone, carrier, carrier_source, unit_id, name, tags, attributes)
  SELECT phone, carrier, carrier_source, unit_id, name, tags, attributes FROM import_rows WHERE action = 'i'
   ORDER BY phone`;

const SET_CHANGES = `
      unit_id        = COALESCE(EXCLUDED.unit_id, t.unit_id),
      name           = COALESCE(EXCLUDED.name, t.name),
      tags           = t.tags || ARRAY(SELECT x FROM unnest(EXCLUDED.tags) x WHERE x <> ALL (t.tags)),
      attributes     = t.attributes || EXCLUDED.attributes,
      carrier        = CASE WHEN EXCLUDED.carrier_source = 'override' OR t.carrier_source = 'prefix'
                            THEN EXCLUDED.carrier ELSE t.carrier END,
      carrier_source = CASE WHEN EXCLUDED.carrier_source = 'override' OR t.carrier_source = 'prefix'
                            THEN EXCLUDED.carrier_source ELSE t.carrier_source END,
      updated_at     = now()`;

const CHANGED = `
       (EXCLUDED.unit_id IS NOT NULL AND EXCLUDED.unit_id IS DISTINCT FROM t.unit_id)
    OR (EXCLUDED.name IS NOT NULL AND EXCLUDED.name IS DISTINCT FROM t.name)
    OR NOT (t.tags @> EXCLUDED.tags)
    OR NOT (t.attributes @> EXCLUDED.attributes)
    OR ((EXCLUDED.carrier_source = 'override' OR t.carrier_source = 'prefix')
        AND (EXCLUDED.carrier, EXCLUDED.carrier_source) IS DISTINCT FROM (t.carrier, t.carrier_source))`;

/**
 * Stored numbers where something changes: unit and name when given, tags and attributes added to what is stored.
 * The carrier follows the prefix unless it came from an override or a delivery report; an uploaded override always
 * wins. The change test is repeated against the row as it is now (it may have changed since CHECK_ROWS).
 */
export const UPDATE_CHANGED = `
  UPDATE subscribers t SET ${SET_CHANGES.replace(/EXCLUDED\./g, 'r.')}
    FROM import_rows r
   WHERE r.action = 'u' AND t.id = r.sub_id AND t.phone = r.phone
     AND (${CHANGED.replace(/EXCLUDED\./g, 'r.')})`;

/**
 * The fallback merge (used only when INSERT_NEW met a number inserted concurrently): the same result in one
 * ON CONFLICT statement over every valid row, so importing the same file twice still updates nobody.
 */
export const MERGE_ALL = `
  WITH m AS (
    INSERT INTO subscribers AS t (phone, carrier, carrier_source, unit_id, name, tags, attributes)
    SELECT phone, carrier, carrier_source, unit_id, name, tags, attributes FROM import_rows
     WHERE reason IS NULL ORDER BY phone
    ON CONFLICT (phone) DO UPDATE SET ${SET_CHANGES}
    WHERE ${CHANGED}
    RETURNING (xmax = 0) AS inserted
  )
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
    FROM m`;
