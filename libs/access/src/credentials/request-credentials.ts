import { Injectable } from '@nestjs/common';
import { ApiKeysService } from '../api-keys.service';
import { Principal } from '../principal';
import { SessionsService } from './sessions.service';

/** The browser session cookie (HttpOnly, SameSite=Strict): a session id, never an API key. */
export const SESSION_COOKIE = 'loa_session';
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface CredentialRequest {
  method: string;
  headers: { authorization?: string; cookie?: string };
}

/** The session id of a request's cookie, if any. */
export function sessionCookieOf(req: Pick<CredentialRequest, 'headers'>): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * Who is calling: `Authorization: Bearer <API key>`, or — for reads only — the session cookie a page got at sign-in
 * (a forged cross-site form can then never change anything). The one place both the Nest guard and the plain
 * Express routes (queue dashboard) resolve a request's credentials.
 */
@Injectable()
export class RequestCredentials {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * The caller, or why there is none: `missing` (no credential), `unknown-key` (unknown or revoked key),
   * `ended-session` (signed out, expired, or its key revoked).
   */
  async principalOf(req: CredentialRequest): Promise<Principal | CredentialProblem> {
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) return (await this.keys.verify(bearer)) ?? 'unknown-key';
    const session = READ_METHODS.has(req.method) ? sessionCookieOf(req) : undefined;
    if (session) return (await this.sessions.verify(session)) ?? 'ended-session';
    return 'missing';
  }
}

export type CredentialProblem = 'missing' | 'unknown-key' | 'ended-session';

/** What a 401 says for each problem. */
export const CREDENTIAL_PROBLEMS: Record<CredentialProblem, string> = {
  missing: 'Missing API key: send "Authorization: Bearer <key>" (or sign in on the page)',
  'unknown-key': 'Unknown or revoked API key',
  'ended-session': 'The session has ended (signed out, expired, or its key revoked): sign in again',
};
