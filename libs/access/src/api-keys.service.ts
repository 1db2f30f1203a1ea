import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CredentialCache } from './credentials/credential-cache';
import { SessionsService } from './credentials/sessions.service';
import { Principal, Role } from './principal';
import { unitScopeSql } from './unit-scope';

export interface CreatedKey {
  id: number;
  name: string;
  role: Role;
  unitId: number | null;
  /** Shown once; only its hash is stored. */
  token: string;
}

export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  unitId: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * API keys look like `loa_<prefix>_<secret>`: the prefix finds the row, the secret is checked against a SHA-256
 * hash. Secrets are 32 random bytes, so a fast hash is enough (no password stretching needed).
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly ds: DataSource,
    private readonly cache: CredentialCache,
    private readonly sessions: SessionsService,
  ) {}

  static hash(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }

  async create(name: string, role: Role, unitId: number | null, createdBy: number | null): Promise<CreatedKey> {
    const prefix = randomBytes(6).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const [row] = await this.ds.query(
      `INSERT INTO api_keys (name, prefix, secret_hash, role, unit_id, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [name, prefix, ApiKeysService.hash(secret), role, unitId, createdBy],
    );
    return { id: row.id, name, role, unitId, token: `loa_${prefix}_${secret}` };
  }

  /** The keys of the caller's subtree (a national admin: every key; a scoped admin: never a national key). */
  async list(who: Principal): Promise<ApiKeyView[]> {
    const params: unknown[] = [];
    const rows = await this.ds.query(
      `SELECT k.id, k.name, k.prefix, k.role, k.unit_id, k.created_at, k.last_used_at, k.revoked_at FROM api_keys k
        WHERE ${unitScopeSql(who, 'k.unit_id', params)} ORDER BY k.id`,
      params,
    );
    return rows.map((r: Record<string, never>) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      role: r.role,
      unitId: r.unit_id,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
    }));
  }

  /**
   * Revokes a key of the caller's subtree, and its sessions, on every api process at once; false when there is none
   * such (unknown, revoked, or outside it).
   */
  async revoke(who: Principal, id: number): Promise<boolean> {
    const params: unknown[] = [id];
    const [, revoked]: [unknown, number] = await this.ds.query(
      `UPDATE api_keys k SET revoked_at = now()
        WHERE k.id = $1 AND k.revoked_at IS NULL AND ${unitScopeSql(who, 'k.unit_id', params)}`,
      params,
    );
    if (!revoked) return false;
    await this.sessions.endForKey(id);
    await this.cache.forgetEverywhere();
    return true;
  }

  /** Resolves a bearer token to its principal, or null when unknown, malformed or revoked. */
  verify(token: string): Promise<Principal | null> {
    return this.cache.get(`key:${ApiKeysService.hash(token)}`, async () => ({ principal: await this.lookup(token) }));
  }

  private async lookup(token: string): Promise<Principal | null> {
    const m = /^loa_([0-9a-f]{12})_([A-Za-z0-9_-]{20,})$/.exec(token);
    if (!m) return null;
    const [row] = await this.ds.query(
      `SELECT k.id, k.name, k.role, k.unit_id, k.secret_hash, u.path
         FROM api_keys k LEFT JOIN units u ON u.id = k.unit_id
        WHERE k.prefix = $1 AND k.revoked_at IS NULL`,
      [m[1]],
    );
    if (!row) return null;
    const a = Buffer.from(row.secret_hash, 'hex');
    const b = Buffer.from(ApiKeysService.hash(m[2]), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
    // Cached for a few seconds (CredentialCache), so this write happens at most that often per key.
    await this.ds.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]);
    return { keyId: row.id, name: row.name, role: row.role, unitId: row.unit_id, unitPath: row.path ?? null };
  }
}
