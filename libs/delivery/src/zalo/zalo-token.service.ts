import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, GatewayConfig, REDIS, redisKey } from '@loa/core';
import { GatewayRegistry, ZaloTokenError } from '@loa/channels';
import { GatewaySettingsService } from '../limiter/gateway-settings.service';

/** The pause reason of a gateway whose credentials no retry can fix: it needs the OA's consent again. */
export const CREDENTIALS_PAUSE = 'credentials';
/** Far enough to outlast any run: the pause ends when an operator gives a new refresh token, not at a time. */
const UNTIL_REAUTHORISED_MS = 10 * 365 * 24 * 3600_000;

/** The gateway needs re-authorisation: no token can be had until an operator gives a new refresh token. */
export class CredentialsLostError extends Error {}

interface TokenRow {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  issuedAt: Date;
  version: number;
}

/** Deletes the lock only if we still hold it (our random token), so a slow holder never frees someone else's. */
const RELEASE_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

const LOCK_MS = 30_000;

/**
 * When a token is due for refresh: `ahead` before expiry, where ahead is half its lifetime but at most 10 minutes
 * (a 25 h token is refreshed 10 min early; a 30 s token at its half-life, never in a storm), and never sooner than
 * 5 s after it was issued, whatever `expires_in` said (0, negative, tiny). Pure; table-tested.
 */
export function refreshDueAt(issuedAtMs: number, expiresAtMs: number): number {
  const lifetime = Math.max(0, expiresAtMs - issuedAtMs);
  const ahead = Math.min(10 * 60_000, lifetime / 2);
  return Math.max(issuedAtMs + 5_000, expiresAtMs - ahead);
}

/**
 * Zalo OAuth v4 tokens. The refresh token is single-use: exactly one process refreshes at a time (Redis lock with an
 * owner token), and the new pair is stored in PostgreSQL with a version compare-and-set BEFORE anyone uses it.
 * Others wait for the version to move and reload. The first refresh token comes from the gateway's credentials.
 */
@Injectable()
export class ZaloTokenService {
  private readonly log = new Logger('ZaloTokens');
  private readonly cache = new Map<string, TokenRow>();
  private readonly inflight = new Map<string, Promise<TokenRow>>();

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly registry: GatewayRegistry,
    private readonly settings: GatewaySettingsService,
  ) {}

  /** A valid access token, refreshed shortly before expiry. */
  async accessToken(gw: GatewayConfig): Promise<string> {
    let row = this.cache.get(gw.id);
    if (!row || this.stale(row)) row = (await this.load(gw.id)) ?? undefined;
    if (row && !this.stale(row)) {
      this.cache.set(gw.id, row);
      return row.accessToken;
    }
    return (await this.refresh(gw, row?.version ?? 0)).accessToken;
  }

  /** Zalo said the token is invalid (-124): refresh unless someone already replaced the one we used. */
  async invalidate(gw: GatewayConfig, usedAccessToken: string): Promise<void> {
    const row = await this.load(gw.id);
    if (row && row.accessToken !== usedAccessToken) {
      this.cache.set(gw.id, row);
      return;
    }
    await this.refresh(gw, row?.version ?? 0);
  }

  private stale(row: TokenRow): boolean {
    return refreshDueAt(new Date(row.issuedAt).getTime(), new Date(row.expiresAt).getTime()) <= this.clock.nowMs();
  }

  /**
   * An operator gives the gateway a new refresh token (after re-authorising the OA at Zalo): stored at once, the
   * access token marked expired so the next send refreshes with it, the version moved so every process reloads.
   */
  async setRefreshToken(gw: GatewayConfig, refreshToken: string, m: EntityManager): Promise<void> {
    const now = this.clock.now();
    await m.query(
      `INSERT INTO gateway_tokens (gateway_id, access_token, refresh_token, access_expires_at, issued_at, version)
       VALUES ($1, '', $2, $3, $3, 1)
       ON CONFLICT (gateway_id) DO UPDATE
         SET access_token = '', refresh_token = EXCLUDED.refresh_token, access_expires_at = EXCLUDED.access_expires_at,
             issued_at = EXCLUDED.issued_at, version = gateway_tokens.version + 1, updated_at = now()`,
      [gw.id, refreshToken, now],
    );
    // The way back: a credentials pause ends with the new token (its announcement follows the commit).
    await m.query(
      `UPDATE gateway_settings SET paused_until = NULL, pause_reason = NULL, updated_at = now()
        WHERE gateway_id = $1 AND pause_reason = $2`,
      [gw.id, CREDENTIALS_PAUSE],
    );
    this.cache.delete(gw.id);
  }

  private async load(gatewayId: string): Promise<TokenRow | null> {
    const rows = await this.ds.query(
      `SELECT access_token AS "accessToken", refresh_token AS "refreshToken", access_expires_at AS "expiresAt",
              issued_at AS "issuedAt", version
         FROM gateway_tokens WHERE gateway_id = $1`,
      [gatewayId],
    );
    return rows[0] ?? null;
  }

  /** One refresh per process at a time (in-flight promise), one per cluster (Redis lock + DB version CAS). */
  private refresh(gw: GatewayConfig, staleVersion: number): Promise<TokenRow> {
    const running = this.inflight.get(gw.id);
    if (running) return running;
    const p = this.refreshLocked(gw, staleVersion).finally(() => this.inflight.delete(gw.id));
    this.inflight.set(gw.id, p);
    return p;
  }

  private async refreshLocked(gw: GatewayConfig, staleVersion: number): Promise<TokenRow> {
    const lockKey = redisKey(this.cfg, 'gw', gw.id, 'token-lock');
    const owner = randomUUID();
    const until = Date.now() + LOCK_MS + gw.timeoutMs;
    while (Date.now() < until) {
      const got = await this.redis.set(lockKey, owner, 'PX', LOCK_MS, 'NX');
      if (got === 'OK') {
        try {
          return await this.refreshHoldingLock(gw, staleVersion);
        } finally {
          await this.redis.eval(RELEASE_LUA, 1, lockKey, owner);
        }
      }
      // Someone else is refreshing: wait for the stored version to move, then use what they stored.
      await new Promise((r) => setTimeout(r, 100));
      const row = await this.load(gw.id);
      if (row && row.version > staleVersion && !this.stale(row)) {
        this.cache.set(gw.id, row);
        return row;
      }
    }
    throw new Error(`Zalo token refresh for "${gw.id}": lock not obtained within ${LOCK_MS} ms`);
  }

  private async refreshHoldingLock(gw: GatewayConfig, staleVersion: number): Promise<TokenRow> {
    const current = await this.load(gw.id);
    if (current && current.version > staleVersion && !this.stale(current)) {
      this.cache.set(gw.id, current);
      return current;
    }
    // Needs re-authorisation already: asking Zalo again with a dead refresh token only adds refusals.
    if (this.settings.get(gw.id)?.pauseReason === CREDENTIALS_PAUSE) {
      throw new CredentialsLostError(`gateway "${gw.id}" needs re-authorisation`);
    }
    const refreshToken = current?.refreshToken ?? gw.credentials.refreshToken;
    if (!refreshToken) return this.credentialsLost(gw, 'it has no refresh token (credentials.refreshToken)');
    let pair;
    try {
      pair = await this.registry.zns(gw).refreshToken(gw, refreshToken);
    } catch (e) {
      if (e instanceof ZaloTokenError && e.needsReauthorisation) return this.credentialsLost(gw, e.message);
      throw e;
    }
    const version = (current?.version ?? 0) + 1;
    const issuedAt = this.clock.now();
    // Compare-and-set on the version we read under the lock: the new single-use refresh token must be stored
    // before the access token is used, or it is lost and the account locked out.
    const written = current
      ? await this.ds.query(
          `UPDATE gateway_tokens SET access_token = $2, refresh_token = $3, access_expires_at = $4, version = $5,
                  issued_at = $7, updated_at = now()
            WHERE gateway_id = $1 AND version = $6 RETURNING version`,
          [gw.id, pair.accessToken, pair.refreshToken, pair.expiresAt, version, current.version, issuedAt],
        )
      : await this.ds.query(
          `INSERT INTO gateway_tokens (gateway_id, access_token, refresh_token, access_expires_at, issued_at, version)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (gateway_id) DO NOTHING RETURNING version`,
          [gw.id, pair.accessToken, pair.refreshToken, pair.expiresAt, issuedAt, version],
        );
    const ok = Array.isArray(written) && (Array.isArray(written[0]) ? written[0].length : written.length) > 0;
    if (!ok) {
      // Only possible if our lock expired mid-refresh and another process refreshed too: alert loudly.
      this.log.error(`Zalo token of "${gw.id}": concurrent refresh detected; the pair just obtained was not stored`);
      const row = await this.load(gw.id);
      if (!row) throw new Error('token row vanished');
      this.cache.set(gw.id, row);
      return row;
    }
    const row = { ...pair, issuedAt, version };
    this.cache.set(gw.id, row);
    this.log.log(
      `Zalo access token of "${gw.id}" refreshed (version ${version}, expires ${pair.expiresAt.toISOString()})`,
    );
    return row;
  }

  /**
   * No retry can bring a token back (refresh token used, expired or revoked; wrong app secret): the gateway is
   * paused for `credentials`, seen by every process at once, until an operator gives a new refresh token
   * (`setRefreshToken`). Sends on it stop and fall back (docs/fault-tolerance.md).
   */
  private async credentialsLost(gw: GatewayConfig, why: string): Promise<never> {
    await this.settings.pause(gw.id, new Date(this.clock.nowMs() + UNTIL_REAUTHORISED_MS), CREDENTIALS_PAUSE);
    this.log.error(
      `ALERT gateway ${gw.id} needs re-authorisation: ${why}. Its sends stop and fall back to the next channel. ` +
        `Re-authorise the Zalo OA, then give Loa the new refresh token: PUT /api/v1/gateways/${gw.id}/refresh-token`,
    );
    throw new CredentialsLostError(`gateway "${gw.id}" needs re-authorisation: ${why}`);
  }
}
