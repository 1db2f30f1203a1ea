import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@loa/core';
import { assertWithin, AuditService, Principal, unitScopeSql } from '@loa/access';
import { SegmentFilter } from './segment-filter';
import { countSegment, SegmentCount } from './segment-count';

export interface Segment {
  id: number;
  name: string;
  unitId: number | null;
  filter: SegmentFilter;
  createdAt: Date;
  updatedAt: Date;
}

export interface SegmentInput {
  name: string;
  filter: SegmentFilter;
  /** Owner unit; defaults to the caller's unit (null = national, unscoped keys only). */
  unitId?: number | null;
}

const COLUMNS = `id, name, unit_id AS "unitId", filter, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Drops empty/undefined members so the stored JSON is exactly what narrows the audience. */
export function normaliseFilter(f: SegmentFilter): SegmentFilter {
  const out: SegmentFilter = {};
  if (f.unitIds?.length) out.unitIds = [...new Set(f.unitIds)];
  if (f.carriers?.length) out.carriers = [...new Set(f.carriers)];
  const tags: NonNullable<SegmentFilter['tags']> = {};
  for (const k of ['any', 'all', 'none'] as const) if (f.tags?.[k]?.length) tags[k] = [...new Set(f.tags[k])];
  if (Object.keys(tags).length) out.tags = tags;
  if (f.installed !== undefined && f.installed !== null) out.installed = f.installed;
  if (f.clickedWithinDays !== undefined && f.clickedWithinDays !== null) out.clickedWithinDays = f.clickedWithinDays;
  if (f.notClickedWithinDays !== undefined && f.notClickedWithinDays !== null)
    out.notClickedWithinDays = f.notClickedWithinDays;
  return out;
}

/** Saved audiences: CRUD under unit scope, and counts with breakdowns. */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async list(who: Principal): Promise<Segment[]> {
    const params: unknown[] = [];
    return this.ds.query(
      `SELECT ${COLUMNS} FROM segments WHERE ${unitScopeSql(who, 'unit_id', params)} ORDER BY id`,
      params,
    );
  }

  async get(who: Principal, id: number, manager: EntityManager = this.ds.manager): Promise<Segment> {
    const [row] = await manager.query(
      `SELECT g.id, g.name, g.unit_id AS "unitId", g.filter, g.created_at AS "createdAt", g.updated_at AS "updatedAt",
              u.path
         FROM segments g LEFT JOIN units u ON u.id = g.unit_id WHERE g.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`Segment ${id} does not exist`);
    assertWithin(who, row.path, `Segment ${id}`);
    delete row.path;
    return row;
  }

  async create(who: Principal, input: SegmentInput): Promise<Segment> {
    const filter = normaliseFilter(input.filter);
    const unitId = await this.checkUnits(who, filter, input.unitId === undefined ? who.unitId : input.unitId);
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO segments (name, unit_id, filter) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
        [input.name, unitId, JSON.stringify(filter)],
      );
      await this.audit.record(who, 'create', 'segment', row.id, { name: row.name, unitId, filter }, m);
      return row;
    });
  }

  async update(who: Principal, id: number, patch: Partial<SegmentInput>): Promise<Segment> {
    return this.ds.transaction(async (m) => {
      const current = await this.get(who, id, m);
      const filter = patch.filter ? normaliseFilter(patch.filter) : current.filter;
      const unitId = await this.checkUnits(who, filter, patch.unitId === undefined ? current.unitId : patch.unitId);
      const [[row]] = await m.query(
        `UPDATE segments SET name = $2, unit_id = $3, filter = $4, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, patch.name ?? current.name, unitId, JSON.stringify(filter)],
      );
      await this.audit.record(who, 'update', 'segment', id, { before: current, after: row }, m);
      return row;
    });
  }

  async remove(who: Principal, id: number): Promise<void> {
    await this.ds.transaction(async (m) => {
      const current = await this.get(who, id, m);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM campaigns WHERE segment_id = $1`, [id]);
      if (n > 0) throw new ConflictException(`Segment ${id} is used by ${n} campaign(s); change or delete them first`);
      await m.query(`DELETE FROM segments WHERE id = $1`, [id]);
      await this.audit.record(who, 'delete', 'segment', id, { before: current }, m);
    });
  }

  async count(who: Principal, id: number): Promise<SegmentCount & { segmentId: number }> {
    const s = await this.get(who, id);
    return { segmentId: id, ...(await countSegment((q, p) => this.ds.query(q, p), s, this.clock.now())) };
  }

  /** Ad-hoc preview of a filter, evaluated as a segment owned by `unitId` (default: the caller's unit). */
  async countFilter(who: Principal, filter: SegmentFilter, unitId?: number | null): Promise<SegmentCount> {
    const f = normaliseFilter(filter);
    const owner = await this.checkUnits(who, f, unitId === undefined ? who.unitId : unitId);
    return countSegment((q, p) => this.ds.query(q, p), { filter: f, unitId: owner }, this.clock.now());
  }

  /**
   * Unknown unit ids are a 400 naming the field; units outside the caller's subtree, or outside the owner unit,
   * are a 403. Returns the owner unit id to store.
   */
  private async checkUnits(who: Principal, filter: SegmentFilter, ownerId: number | null): Promise<number | null> {
    const ids = [...(filter.unitIds ?? []), ...(ownerId === null ? [] : [ownerId])];
    const rows: { id: number; path: string }[] = ids.length
      ? await this.ds.query(`SELECT id, path FROM units WHERE id = ANY($1::int[])`, [ids])
      : [];
    const paths = new Map(rows.map((r) => [r.id, r.path]));
    const problems: { field: string; problems: string[] }[] = [];
    const unknownFilter = (filter.unitIds ?? []).filter((i) => !paths.has(i));
    if (unknownFilter.length)
      problems.push({ field: 'filter.unitIds', problems: [`unknown unit ids: ${unknownFilter.join(', ')}`] });
    if (ownerId !== null && !paths.has(ownerId))
      problems.push({ field: 'unitId', problems: [`unknown unit id: ${ownerId}`] });
    if (problems.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid request: ${problems.map((p) => `${p.field}: ${p.problems.join(', ')}`).join('; ')}`,
        fields: problems,
      });
    }
    assertWithin(who, ownerId === null ? null : paths.get(ownerId)!, 'The segment owner unit');
    const ownerPath = ownerId === null ? null : paths.get(ownerId)!;
    for (const id of filter.unitIds ?? []) {
      assertWithin(who, paths.get(id)!, `Unit ${id} in filter.unitIds`);
      if (ownerPath && !paths.get(id)!.startsWith(ownerPath)) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: `Invalid request: filter.unitIds: unit ${id} is outside the segment's owner unit ${ownerId}`,
          fields: [
            { field: 'filter.unitIds', problems: [`unit ${id} is outside the segment's owner unit ${ownerId}`] },
          ],
        });
      }
    }
    return ownerId;
  }
}
