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

  /** `missing` when the request carries no credential; null when it carries an unknown, revoked or ended one. */
  async principalOf(req: CredentialRequest): Promise<Principal | null | 'missing'> {
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) return this.keys.verify(bearer);
    const session = READ_METHODS.has(req.method) ? sessionCookieOf(req) : undefined;
    if (session) return this.sessions.verify(session);
    return 'missing';
  }
}
