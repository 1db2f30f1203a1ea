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
  FROM STDIN (FORMAT csv)`;

/** Unit checks; $1 is the caller's subtree pattern ("/1/7/%") or null for an unscoped key. */
export const REJECT_UNKNOWN_UNIT = `
  UPDATE import_staging s SET reason = 'unknown unit code ' || s.unit_code
   WHERE s.reason IS NULL AND s.unit_code IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = s.unit_code)`;

export const REJECT_OUTSIDE_SCOPE = `
  UPDATE import_staging s SET reason = 'unit ' || s.unit_code || ' is outside your area'
   WHERE s.reason IS NULL AND s.unit_code IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = s.unit_code AND u.path LIKE $1)`;

export const REJECT_NO_UNIT_WHEN_SCOPED = `
  UPDATE import_staging s SET reason = 'no unit: add a unit_code column or choose a default unit for the import'
   WHERE s.reason IS NULL AND s.unit_code IS NULL`;

/** A scoped key must not take over (move, rename, retag) a person stored in another area. */
export const REJECT_FOREIGN_SUBSCRIBER = `
  UPDATE import_staging s SET reason = 'this number is already registered outside your area'
   WHERE s.reason IS NULL
     AND EXISTS (SELECT 1 FROM subscribers x LEFT JOIN units u ON u.id = x.unit_id
                  WHERE x.phone = s.phone AND (u.path IS NULL OR u.path NOT LIKE $1))`;

/** Keeps the first valid line of each number; later ones name it. */
export const REJECT_DUPLICATES = `
  UPDATE import_staging s SET reason = 'duplicate of line ' || d.first_line
    FROM (SELECT line, min(line) OVER (PARTITION BY phone) AS first_line
            FROM import_staging WHERE reason IS NULL) d
   WHERE s.line = d.line AND d.line <> d.first_line`;

export const STORE_REJECTIONS = `
  INSERT INTO import_rejections (import_id, line, raw, reason)
  SELECT $1, line, raw, reason FROM import_staging WHERE reason IS NOT NULL`;

/**
 * The merge. New numbers are inserted; known ones are updated only when something changes (so importing the same
 * file twice updates nobody): unit and name when given, tags and attributes added to what is stored. The carrier
 * follows the prefix unless it came from an override or a delivery report; an uploaded override always wins.
 */
export const MERGE = `
  WITH src AS (
    SELECT s.phone,
           COALESCE(o.carrier, s.carrier) AS carrier,
           CASE WHEN o.phone IS NULL THEN 'prefix' ELSE 'override' END AS carrier_source,
           u.id AS unit_id, s.name, s.tags, s.attributes
      FROM import_staging s
      LEFT JOIN units u ON u.code = s.unit_code
      LEFT JOIN carrier_overrides o ON o.phone = s.phone
     WHERE s.reason IS NULL
  ), m AS (
    INSERT INTO subscribers AS t (phone, carrier, carrier_source, unit_id, name, tags, attributes)
    SELECT phone, carrier, carrier_source, unit_id, name, tags, attributes FROM src
    ON CONFLICT (phone) DO UPDATE SET
      unit_id        = COALESCE(EXCLUDED.unit_id, t.unit_id),
      name           = COALESCE(EXCLUDED.name, t.name),
      tags           = t.tags || ARRAY(SELECT x FROM unnest(EXCLUDED.tags) x WHERE x <> ALL (t.tags)),
      attributes     = t.attributes || EXCLUDED.attributes,
      carrier        = CASE WHEN EXCLUDED.carrier_source = 'override' OR t.carrier_source = 'prefix'
                            THEN EXCLUDED.carrier ELSE t.carrier END,
      carrier_source = CASE WHEN EXCLUDED.carrier_source = 'override' OR t.carrier_source = 'prefix'
                            THEN EXCLUDED.carrier_source ELSE t.carrier_source END,
      updated_at     = now()
    WHERE (EXCLUDED.unit_id IS NOT NULL AND EXCLUDED.unit_id IS DISTINCT FROM t.unit_id)
       OR (EXCLUDED.name IS NOT NULL AND EXCLUDED.name IS DISTINCT FROM t.name)
       OR NOT (t.tags @> EXCLUDED.tags)
       OR NOT (t.attributes @> EXCLUDED.attributes)
       OR ((EXCLUDED.carrier_source = 'override' OR t.carrier_source = 'prefix')
           AND (EXCLUDED.carrier, EXCLUDED.carrier_source) IS DISTINCT FROM (t.carrier, t.carrier_source))
    RETURNING (xmax = 0) AS inserted
  )
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
    FROM m`;

export const COUNT_STAGING = `
  SELECT count(*)::int AS total, count(*) FILTER (WHERE reason IS NOT NULL)::int AS rejected FROM import_staging`;
