import { randomBytes } from 'node:crypto';
import { vnHour, zaloMac, ZALO_RATE_LIMIT } from '@loa/channels';
import { json, newId, Protocol, Reply } from '../protocol';
import { OutgoingReport } from '../report-sender';
import { ZNS_MESSAGES, znsVerdict } from './zalo.rules';

const err = (error: number, message: string): Reply => json(200, { error, message });

const MESSAGES: Record<string, string> = {
  ...ZNS_MESSAGES,
  '-114': 'User is inactive, or reject the message, or using an outdated Zalo version, or other internal errors',
  '-118': 'Zalo account not existed',
  '-124': 'Access token is invalid',
  '-126': 'Exceeded quota in development mode',
  '-133': 'This template cannot be sent at night (from 22:00 to 06:00)',
  '-144': 'OA has exceeded daily quota',
  [String(ZALO_RATE_LIMIT)]: 'Exceeded request rate limit',
};

export interface ZaloTokens {
  /** A valid access/refresh pair issued directly (tests that do not exercise OAuth). */
  issue(ttlSec?: number): { accessToken: string; refreshToken: string; expiresIn: number };
  /** Every access token issued so far stops working (-124). */
  expireAccessTokens(): void;
  /**
   * The OA administrator withdraws the app's permission: every access token stops working (-124) and every refresh
   * token, issued or seeded, is refused (-14014), until `reauthorise` (the consent given again) issues a new pair.
   */
  revokeAuthorisation(): void;
  reauthorise(ttlSec?: number): { accessToken: string; refreshToken: string; expiresIn: number };
  /** OAuth refreshes answered: granted, and refused for a refresh token already used (a reuse), never issued, or after a revocation. */
  oauthStats(): { granted: number; reused: number; unknown: number; revoked: number };
}

const token = () => randomBytes(24).toString('base64url');

/**
 * Zalo ZNS `/message/template` + OAuth v4 `/v4/oa/access_token` (one server plays both hosts).
 * Refresh tokens are single-use, as Zalo's are: reusing one answers an error.
 */
export function createZaloProtocol(): Protocol & ZaloTokens {
  const access = new Map<string, number>(); // token → expiry (ms)
  const refresh = new Map<string, 'valid' | 'used'>();
  const oauth = { granted: 0, reused: 0, unknown: 0, revoked: 0 };
  let revoked = false;
  const issue = (ttlSec = 90_000) => {
    const a = token();
    const r = token();
    access.set(a, Date.now() + ttlSec * 1000);
    refresh.set(r, 'valid');
    return { accessToken: a, refreshToken: r, expiresIn: ttlSec };
  };

  const reportBody = (event: string, message: Record<string, unknown>, appId: string) =>
    JSON.stringify({
      app_id: appId,
      user_id_by_app: newId().slice(0, 16),
      event_name: event,
      message,
      timestamp: String(Date.now()),
    });

  return {
    name: 'zalo',
    issue,
    expireAccessTokens: () => access.clear(),
    revokeAuthorisation: () => {
      revoked = true;
      access.clear();
      for (const r of refresh.keys()) refresh.set(r, 'used');
    },
    reauthorise: (ttlSec?: number) => {
      revoked = false;
      return issue(ttlSec);
    },
    oauthStats: () => ({ ...oauth }),
    extraStats: () => ({ oauth: { ...oauth } }),
    isSend: (method, path) => method === 'POST' && path === '/message/template',

    other(req, path, body, { cfg }) {
      if (req.method !== 'POST' || path !== '/v4/oa/access_token') return null;
      const fail = (code: number, reason: string) =>
        json(200, { error: code, error_name: 'Invalid parameter', error_reason: reason, error_description: reason });
      if (req.headers['secret_key'] !== cfg.credentials.appSecret) return fail(-14002, 'Invalid secret_key');
      const form = new URLSearchParams(body.toString('utf8'));
      if (form.get('app_id') !== cfg.credentials.appId) return fail(-14001, 'Invalid app_id');
      if (form.get('grant_type') !== 'refresh_token') return fail(-14003, 'Invalid grant_type');
      const rt = form.get('refresh_token') ?? '';
      const state = refresh.get(rt);
      if (revoked && state !== 'valid') {
        oauth.revoked++;
        return fail(-14014, 'Invalid refresh token');
      }
      const seeded = cfg.zalo.seedRefreshTokens.includes(rt) || cfg.zalo.lenientRefresh;
      if (state === 'used' || (!state && !seeded)) {
        oauth[state === 'used' ? 'reused' : 'unknown']++;
        return fail(-14014, 'Invalid refresh token');
      }
      refresh.set(rt, 'used');
      oauth.granted++;
      const t = issue(cfg.zalo.tokenTtlSec);
      return json(200, { access_token: t.accessToken, refresh_token: t.refreshToken, expires_in: String(t.expiresIn) });
    },

    parse(req, body, { cfg }) {
      const at = req.headers['access_token'];
      const exp = typeof at === 'string' ? access.get(at) : undefined;
      if (exp === undefined || exp <= Date.now()) return err(-124, MESSAGES['-124']);
      let b: Record<string, unknown> | null;
      try {
        b = JSON.parse(body.toString('utf8')) as Record<string, unknown> | null;
      } catch {
        b = null;
      }
      if (!b || typeof b !== 'object' || Array.isArray(b)) return err(-100, 'Body is not a JSON object');
      const v = znsVerdict(b, cfg);
      if ('error' in v) return err(v.error, v.message);
      return { requestId: v.trackingId || newId(), phone: v.phone, content: v.content };
    },

    precheck(p, { cfg, wallMs }) {
      const z = cfg.zalo;
      if (z.noAccountPhones.includes(p.phone) || z.noAccountLastDigits.includes(p.phone.slice(-1))) {
        return err(-118, MESSAGES['-118']);
      }
      if (z.night === 'always' || (z.night === 'on' && (vnHour(wallMs) >= 22 || vnHour(wallMs) < 6))) {
        return err(-133, MESSAGES['-133']);
      }
      if (z.quotaRemaining !== null && z.quotaRemaining <= 0) return err(-144, MESSAGES['-144']);
      return null;
    },

    throttled: () => err(ZALO_RATE_LIMIT, MESSAGES[String(ZALO_RATE_LIMIT)]),
    failure: (code) => err(Number(code) || -100, MESSAGES[code] ?? 'Unknown error'),

    accept(p, { cfg, wallMs }) {
      const z = cfg.zalo;
      if (z.quotaRemaining !== null) z.quotaRemaining--;
      const msgId = newId();
      const remaining = z.quotaRemaining ?? z.dailyQuota;
      return {
        msg: { providerId: msgId, requestId: p.requestId, phone: p.phone, content: p.content, acceptedAt: wallMs },
        reply: json(200, {
          error: 0,
          message: 'Success',
          data: {
            msg_id: msgId,
            sent_time: String(wallMs),
            quota: { dailyQuota: String(z.dailyQuota), remainingQuota: String(remaining) },
          },
        }),
      };
    },

    reports(msg, { cfg }) {
      // A failed ZNS is simply never received: Zalo sends no event for it.
      if (msg.report?.status !== 'delivered') return [];
      const appId = cfg.credentials.appId ?? '';
      const secret = cfg.credentials.oaSecretKey ?? '';
      const signed = (body: string): OutgoingReport => {
        const ts = (JSON.parse(body) as { timestamp: string }).timestamp;
        return {
          method: 'POST',
          url: cfg.webhookUrl,
          headers: {
            'content-type': 'application/json',
            'x-zevent-signature': `mac=${zaloMac(appId, body, ts, secret)}`,
          },
          body,
        };
      };
      const out = [
        signed(reportBody('user_received_message', { msg_id: msg.providerId, tracking_id: msg.requestId }, appId)),
      ];
      if (cfg.dlr.seen) out.push(signed(reportBody('user_seen_message', { msg_ids: [msg.providerId] }, appId)));
      return out;
    },
  };
}
