import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from './principal';
import { unitScopeSql } from './unit-scope';

/** Writes who changed what, when. Pass the transaction's manager so the entry commits with the change. */
@Injectable()
export class AuditService {
  constructor(private readonly ds: DataSource) {}

  async record(
    who: Principal | null,
    action: string,
    entity: string,
    entityId: string | number | null,
    details: Record<string, unknown> = {},
    manager: EntityManager = this.ds.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (api_key_id, action, entity, entity_id, details) VALUES ($1, $2, $3, $4, $5)`,
      [who?.keyId ?? null, action, entity, entityId === null ? null : String(entityId), JSON.stringify(details)],
    );
  }

  /**
   * The audit log as the caller may see it: a national admin, all of it; a scoped admin, what keys of its own
   * subtree did (never national or other districts' actions, nor the system's own).
   */
  async list(who: Principal, limit = 100, before?: number): Promise<unknown[]> {
    const params: unknown[] = [limit, before ?? null];
    const scope = who.unitPath ? unitScopeSql(who, 'k.unit_id', params) : 'TRUE';
    return this.ds.query(
      `SELECT a.id, a.at, a.action, a.entity, a.entity_id AS "entityId", a.details, k.name AS "keyName", a.api_key_id AS "keyId"
         FROM audit_log a LEFT JOIN api_keys k ON k.id = a.api_key_id
        WHERE ($2::bigint IS NULL OR a.id < $2) AND ${scope} ORDER BY a.id DESC LIMIT $1`,
      params,
    );
  }
}
