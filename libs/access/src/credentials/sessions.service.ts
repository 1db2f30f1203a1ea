import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '../principal';
import { CredentialCache } from './credential-cache';

/** A browser session lasts a working day at most; signing out ends it sooner. */
export const SESSION_HOURS = 12;
const SESSION_FORM = /^ls_[A-Za-z0-9_-]{43}$/;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Browser sessions: a page signs in with an API key once and then holds only a random session id (`ls_…`, 32
 * bytes) in an HttpOnly cookie. The id's hash is stored; the session acts with its key's role and unit, and stops
 * when it expires, is ended (sign-out) or its key is revoked.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly cache: CredentialCache,
  ) {}

  /** Starts a session for a verified key's principal. */
  async start(who: Principal): Promise<{ token: string; expiresAt: Date }> {
    const token = `ls_${randomBytes(32).toString('base64url')}`;
    const [row] = await this.ds.query(
      `INSERT INTO sessions (token_hash, api_key_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))
       RETURNING expires_at`,
      [hash(token), who.keyId, SESSION_HOURS],
    );
    // Housekeeping: sessions long over are of no use to anyone.
    await this.ds.query(`DELETE FROM sessions WHERE expires_at < now() - interval '30 days'`);
    return { token, expiresAt: row.expires_at };
  }

  /** The principal of a live session id, or null (unknown, malformed, expired, ended, or its key revoked). */
  verify(token: string): Promise<Principal | null> {
    if (!SESSION_FORM.test(token)) return Promise.resolve(null);
    return this.cache.get(`session:${hash(token)}`, async () => {
      const [row] = await this.ds.query(
        `SELECT k.id, k.name, k.role, k.unit_id, u.path, s.expires_at
           FROM sessions s JOIN api_keys k ON k.id = s.api_key_id AND k.revoked_at IS NULL
           LEFT JOIN units u ON u.id = k.unit_id
          WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()`,
        [hash(token)],
      );
      if (!row) return { principal: null };
      const principal = {
        keyId: row.id,
        name: row.name,
        role: row.role,
        unitId: row.unit_id,
        unitPath: row.path ?? null,
      };
      return { principal, maxUntil: new Date(row.expires_at).getTime() };
    });
  }

  /** Ends a session (sign-out) on every process at once. */
  async end(token: string): Promise<void> {
    if (!SESSION_FORM.test(token)) return;
    await this.ds.query(`UPDATE sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL`, [
      hash(token),
    ]);
    await this.cache.forgetEverywhere();
  }

  /** Ends every session of a key (it was revoked). */
  async endForKey(keyId: number): Promise<void> {
    await this.ds.query(`UPDATE sessions SET ended_at = now() WHERE api_key_id = $1 AND ended_at IS NULL`, [keyId]);
  }
}
