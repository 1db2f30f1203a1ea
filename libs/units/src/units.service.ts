import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assertWithin, Principal } from '@loa/access';
import { parseUnitCsv, planUnitImport } from './unit-csv.plan';
import { Unit, UnitCsvRow, UnitImportResult } from './unit.types';

const COLS = `id, code, name, level, parent_id AS "parentId", path, depth`;

export interface NewUnit {
  code: string;
  name: string;
  level: string;
  parentId: number | null;
}

/**
 * The administrative tree. Paths are materialised ("/1/7/42/"): a subtree is a prefix scan, and moving a unit
 * rewrites the path prefix of its whole subtree in one UPDATE (moving a unit under its own subtree is refused).
 */
@Injectable()
export class UnitsService {
  constructor(private readonly ds: DataSource) {}

  async get(id: number, m: EntityManager = this.ds.manager): Promise<Unit> {
    const [u] = await m.query(`SELECT ${COLS} FROM units WHERE id = $1`, [id]);
    if (!u) throw new NotFoundException(`Unit ${id} does not exist`);
    return u;
  }

  /** A unit inside the caller's area (403 otherwise, naming only the id asked for: not the unit's code or name). */
  async getWithin(who: Principal, id: number): Promise<Unit> {
    const unit = await this.get(id);
    assertWithin(who, unit.path, `Unit ${id}`);
    return unit;
  }

  async byCode(code: string, m: EntityManager = this.ds.manager): Promise<Unit | null> {
    const [u] = await m.query(`SELECT ${COLS} FROM units WHERE code = $1`, [code]);
    return u ?? null;
  }

  /** Children of a unit, or the roots when parentId is null. */
  async children(parentId: number | null): Promise<Unit[]> {
    return this.ds.query(`SELECT ${COLS} FROM units WHERE parent_id IS NOT DISTINCT FROM $1 ORDER BY code`, [parentId]);
  }

  /** The unit and everything below it, parents before children. */
  async subtree(id: number): Promise<Unit[]> {
    const root = await this.get(id);
    return this.ds.query(`SELECT ${COLS} FROM units WHERE path LIKE $1 ORDER BY depth, code`, [`${root.path}%`]);
  }

  async create(u: NewUnit, m: EntityManager = this.ds.manager): Promise<Unit> {
    // Codes are unique countrywide: a taken code answers the same wherever its unit is, naming neither unit nor place.
    if (await this.byCode(u.code, m)) throw new ConflictException(`Unit code ${u.code} is not available`);
    const parent = u.parentId === null ? null : await this.get(u.parentId, m);
    return this.insert(m, u.code, u.name, u.level, parent);
  }

  /** Re-parents a unit; its whole subtree follows (paths and depths rewritten). */
  async move(id: number, newParentId: number | null, m: EntityManager = this.ds.manager): Promise<Unit> {
    const unit = await this.get(id, m);
    const parent = newParentId === null ? null : await this.get(newParentId, m);
    if (parent && parent.path.startsWith(unit.path)) {
      throw new BadRequestException(`Cannot move unit ${unit.code} under its own subtree (${parent.code})`);
    }
    const newPath = `${parent?.path ?? '/'}${unit.id}/`;
    const delta = (parent ? parent.depth + 1 : 0) - unit.depth;
    await m.query(
      `UPDATE units
          SET path = $2 || substr(path, length($1) + 1), depth = depth + $3, updated_at = now(),
              parent_id = CASE WHEN id = $4 THEN $5::int ELSE parent_id END
        WHERE path LIKE $1 || '%'`,
      [unit.path, newPath, delta, unit.id, parent?.id ?? null],
    );
    return this.get(id, m);
  }

  /**
   * Imports a units CSV (`code,name,level,parent_code`) in one transaction: rows in any order, upsert by code,
   * re-parenting moves subtrees. Unknown parents, cycles and duplicates are refused with line numbers.
   */
  async importCsv(content: Buffer | string): Promise<UnitImportResult> {
    const rows = await parseUnitCsv(content);
    return this.ds.transaction(async (m) => {
      // Serialise unit imports: two concurrent files could otherwise build a cycle between them.
      await m.query(`SELECT pg_advisory_xact_lock(7331, 1)`);
      const stored: { code: string; parent: string | null }[] = await m.query(
        `SELECT u.code, p.code AS parent FROM units u LEFT JOIN units p ON p.id = u.parent_id`,
      );
      const ordered = planUnitImport(rows, new Map(stored.map((s) => [s.code, s.parent])));
      const result: UnitImportResult = { inserted: 0, updated: 0, unchanged: 0 };
      for (const row of ordered) result[await this.upsert(m, row)]++;
      return result;
    });
  }

  private async upsert(m: EntityManager, row: UnitCsvRow): Promise<keyof UnitImportResult> {
    const parent = row.parentCode ? await this.byCode(row.parentCode, m) : null;
    const existing = await this.byCode(row.code, m);
    if (!existing) {
      await this.insert(m, row.code, row.name, row.level, parent);
      return 'inserted';
    }
    let changed = false;
    if (existing.name !== row.name || existing.level !== row.level) {
      await m.query(`UPDATE units SET name = $2, level = $3, updated_at = now() WHERE id = $1`, [
        existing.id,
        row.name,
        row.level,
      ]);
      changed = true;
    }
    if ((parent?.id ?? null) !== existing.parentId) {
      await this.move(existing.id, parent?.id ?? null, m);
      changed = true;
    }
    return changed ? 'updated' : 'unchanged';
  }

  private async insert(
    m: EntityManager,
    code: string,
    name: string,
    level: string,
    parent: Unit | null,
  ): Promise<Unit> {
    const [u] = await m.query(
      `WITH n AS (SELECT nextval(pg_get_serial_sequence('units', 'id'))::int AS id)
       INSERT INTO units (id, code, name, level, parent_id, path, depth)
       SELECT n.id, $1, $2, $3, $4::int, $5 || n.id || '/', $6 FROM n
       RETURNING ${COLS}`,
      [code, name, level, parent?.id ?? null, parent?.path ?? '/', parent ? parent.depth + 1 : 0],
    );
    return u;
  }
}
