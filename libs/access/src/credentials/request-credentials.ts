import { Injectable } from '@nestjs/common';
import { ApiKeysService } from '../api-keys.service';
import { Principal } from '../principal';
import { SessionsService } from './sessions.service';

/** The browser session cookie (HttpOnly, SameSite=Strict): a session id, never an API key. */
export const SESSION_COOKIE = 'loa_session';
/**
 * The header the console sends with every change it makes under a session. A cross-site page cannot send a custom
 * header without a CORS preflight, which the api never grants; so a session plus this header (and, when the browser
 * says, an Origin that is this host) is the console itself, never a forged form.
 */
export const CONSOLE_HEADER = 'x-loa-console';
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface CredentialRequest {
  method: string;
  headers: { authorization?: string; cookie?: string; origin?: string; host?: string; [CONSOLE_HEADER]?: string };
}

/** A change under a session: only from the console's own pages (its header, and its own origin if one is sent). */
function fromConsole(req: CredentialRequest): boolean {
  if (req.headers[CONSOLE_HEADER] !== '1') return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
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
 * Who is calling: `Authorization: Bearer <API key>`, or the session cookie a page got at sign-in — for reads, and for
 * changes sent by the console (`X-Loa-Console: 1` from its own origin), so a forged cross-site form changes nothing. The one place both the Nest guard and the plain
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
    const session = READ_METHODS.has(req.method) || fromConsole(req) ? sessionCookieOf(req) : undefined;
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
