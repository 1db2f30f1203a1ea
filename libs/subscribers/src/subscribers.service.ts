import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Carrier } from '@loa/core';
import { AuditService, Principal, assertWithin, unitScopeSql } from '@loa/access';
import { normalizePhone } from './phone/phone-normalizer';
import { cleanSubscriberName } from './subscriber-name';

export interface SubscriberView {
  id: number;
  phone: string;
  carrier: Carrier;
  carrierSource: 'prefix' | 'override' | 'report';
  unitId: number | null;
  name: string | null;
  tags: string[];
  attributes: Record<string, unknown>;
  optedOutAt: Date | null;
  installedAt: Date | null;
  lastClickedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SubscriberQuery {
  phone?: string;
  /** A unit subtree. */
  unitId?: number;
  carrier?: Carrier;
  tag?: string;
  /** Keyset pagination: ids greater than this. */
  after?: number;
  limit?: number;
}

export interface NewSubscriber {
  phone: string;
  unitId?: number | null;
  name?: string | null;
  tags?: string[];
  attributes?: Record<string, unknown>;
}

export type SubscriberPatch = Partial<Omit<NewSubscriber, 'phone'>>;

const VIEW = `s.id::float8 AS id, s.phone, s.carrier, s.carrier_source AS "carrierSource", s.unit_id AS "unitId",
  s.name, s.tags, s.attributes, s.opted_out_at AS "optedOutAt", s.installed_at AS "installedAt",
  s.last_clicked_at AS "lastClickedAt", s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

/** The name as stored (cleanSubscriberName), or a 400 naming the field with the reason. */
function nameOr400(raw: string | null | undefined): string | null {
  const r = cleanSubscriberName(raw);
  if (!r.ok) throw new BadRequestException(`name: ${r.reason}`);
  return r.name;
}

/** A phone in any shape → canonical, or a 400 naming the problem. */
export function phoneOr400(raw: unknown, field = 'phone'): string {
  const r = normalizePhone(raw);
  if (!r.ok) throw new BadRequestException(`${field}: ${r.reason}`);
  return r.phone;
}

/**
 * One subscriber at a time, always within the caller's unit subtree: people outside it answer 404 (their
 * existence is not revealed); targeting a unit outside it is 403. Every change is audited in its transaction.
 */
@Injectable()
export class SubscribersService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(who: Principal, q: SubscriberQuery): Promise<{ items: SubscriberView[]; nextAfter: number | null }> {
    const params: unknown[] = [];
    const where = [unitScopeSql(who, 's.unit_id', params)];
    if (q.phone) {
      params.push(phoneOr400(q.phone));
      where.push(`s.phone = $${params.length}`);
    }
    if (q.unitId !== undefined) {
      params.push(q.unitId);
      where.push(
        `s.unit_id IN (SELECT d.id FROM units a JOIN units d ON d.path LIKE a.path || '%' WHERE a.id = $${params.length})`,
      );
    }
    if (q.carrier) {
      params.push(q.carrier);
      where.push(`s.carrier = $${params.length}`);
    }
    if (q.tag) {
      params.push([q.tag]);
      where.push(`s.tags @> $${params.length}::text[]`);
    }
    if (q.after !== undefined) {
      params.push(q.after);
      where.push(`s.id > $${params.length}`);
    }
    const limit = q.limit ?? 100;
    params.push(limit);
    const items: SubscriberView[] = await this.ds.query(
      `SELECT ${VIEW} FROM subscribers s WHERE ${where.join(' AND ')} ORDER BY s.id LIMIT $${params.length}`,
      params,
    );
    return { items, nextAfter: items.length === limit ? items[items.length - 1].id : null };
  }

  async get(who: Principal, id: number, m: EntityManager = this.ds.manager): Promise<SubscriberView> {
    const params: unknown[] = [id];
    const [s] = await m.query(
      `SELECT ${VIEW} FROM subscribers s WHERE s.id = $1 AND ${unitScopeSql(who, 's.unit_id', params)}`,
      params,
    );
    if (!s) throw new NotFoundException(`Subscriber ${id} does not exist`);
    return s;
  }

  async create(who: Principal, input: NewSubscriber): Promise<SubscriberView> {
    const phone = phoneOr400(input.phone);
    const name = nameOr400(input.name);
    const carrier = (normalizePhone(phone) as { carrier: Carrier }).carrier;
    const unitId = await this.checkUnit(who, input.unitId ?? null);
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO subscribers (phone, carrier, carrier_source, unit_id, name, tags, attributes)
         SELECT $1, COALESCE(o.carrier, $2), CASE WHEN o.phone IS NULL THEN 'prefix' ELSE 'override' END, $3, $4, $5, $6
           FROM (SELECT 1) x LEFT JOIN carrier_overrides o ON o.phone = $1
         ON CONFLICT (phone) DO NOTHING RETURNING id::float8 AS id`,
        [phone, carrier, unitId, name, input.tags ?? [], JSON.stringify(input.attributes ?? {})],
      );
      // A number is registered once countrywide: taken answers the same inside the caller's area and outside it.
      if (!row) throw new ConflictException(`${phone} is not available`);
      await this.audit.record(who, 'create', 'subscriber', row.id, { phone, unitId }, m);
      return this.get(who, row.id, m);
    });
  }

  async update(who: Principal, id: number, patch: SubscriberPatch): Promise<SubscriberView> {
    const unitId = patch.unitId === undefined ? undefined : await this.checkUnit(who, patch.unitId);
    return this.ds.transaction(async (m) => {
      await this.get(who, id, m);
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (col: string, v: unknown) => {
        params.push(v);
        sets.push(`${col} = $${params.length}`);
      };
      if (unitId !== undefined) set('unit_id', unitId);
      if (patch.name !== undefined) set('name', nameOr400(patch.name));
      if (patch.tags !== undefined) set('tags', patch.tags);
      if (patch.attributes !== undefined) set('attributes', JSON.stringify(patch.attributes));
      if (sets.length) {
        await m.query(`UPDATE subscribers SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
        await this.audit.record(who, 'update', 'subscriber', id, { ...patch }, m);
      }
      return this.get(who, id, m);
    });
  }

  async remove(who: Principal, id: number): Promise<void> {
    await this.ds.transaction(async (m) => {
      const s = await this.get(who, id, m);
      await m.query(`DELETE FROM subscribers WHERE id = $1`, [id]);
      await this.audit.record(who, 'delete', 'subscriber', id, { phone: s.phone }, m);
    });
  }

  /**
   * Stops every message to this number: sets opted_out_at on the subscriber (kept if already set). A number that is
   * not a subscriber (or outside the caller's area) is also put on the DNC list, so the wish holds whoever imports it
   * later. Returns what was done.
   */
  async optOut(who: Principal, raw: string): Promise<{ phone: string; subscriber: boolean; dnc: boolean }> {
    const phone = phoneOr400(raw);
    return this.ds.transaction(async (m) => {
      const params: unknown[] = [phone];
      const [rows] = await m.query(
        `UPDATE subscribers s SET opted_out_at = COALESCE(s.opted_out_at, now()), updated_at = now()
          WHERE s.phone = $1 AND ${unitScopeSql(who, 's.unit_id', params)} RETURNING s.id::float8 AS id`,
        params,
      );
      let dnc = false;
      if (!rows.length) {
        await m.query(`INSERT INTO dnc_numbers (phone, source) VALUES ($1, 'opt-out') ON CONFLICT DO NOTHING`, [phone]);
        dnc = true;
      }
      await this.audit.record(who, 'opt-out', 'subscriber', rows[0]?.id ?? null, { phone, dnc }, m);
      return { phone, subscriber: rows.length > 0, dnc };
    });
  }

  /** The unit must exist and be inside the caller's area; a scoped key cannot leave people without a unit. */
  private async checkUnit(who: Principal, unitId: number | null): Promise<number | null> {
    if (unitId === null) {
      if (who.unitPath) throw new BadRequestException('unitId: required for a key scoped to a unit');
      return null;
    }
    const [u] = await this.ds.query(`SELECT path FROM units WHERE id = $1`, [unitId]);
    if (!u) throw new BadRequestException(`unitId: unit ${unitId} does not exist`);
    assertWithin(who, u.path, `Unit ${unitId}`);
    return unitId;
  }
}
