/** Anything that runs SQL: a DataSource or a transaction's EntityManager. */
type Query = { query(sql: string, params?: unknown[]): Promise<{ name: string }[]> };

/**
 * The longest unit name a message can carry when it goes to people of `unitId`'s subtree (the whole country when
 * null). Estimates render it, so it must come from the audience's own area: a district never sees, nor is costed
 * by, another district's unit name.
 */
export async function longestUnitNameWithin(db: Query, unitId: number | null): Promise<string | undefined> {
  const [row] = await db.query(
    `SELECT u.name FROM units u
      WHERE $1::int IS NULL OR u.path LIKE (SELECT p.path FROM units p WHERE p.id = $1) || '%'
      ORDER BY length(u.name) DESC, u.id LIMIT 1`,
    [unitId],
  );
  return row?.name;
}
