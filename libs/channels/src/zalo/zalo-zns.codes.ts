import { SendOutcome } from '../channel.types';
import { nextVnHour } from '../vn-time';

type Rule =
  | { kind: 'rejected' | 'fallback' | 'token' | 'channelBroken' | 'refused' }
  | { kind: 'pause'; reason: 'quota' | 'night'; until: 'midnight' | '06:00' }
  | { kind: 'retry'; throttled?: boolean };

/** Zalo's rate-limit error (OpenAPI "exceeded request rate limit"; second-hand, docs/gateways.md). */
export const ZALO_RATE_LIMIT = -32;

/** ZNS error codes that change what the engine does (reference/zalo-zns.md); anything else is rejected. */
export const ZALO_CODES: Record<string, Rule> = {
  // Our application or request is wrong (app, secret key, OA link, method, message id): an operator must fix it.
  '-101': { kind: 'refused' },
  '-102': { kind: 'refused' },
  '-103': { kind: 'refused' },
  '-104': { kind: 'refused' },
  '-105': { kind: 'refused' },
  '-106': { kind: 'refused' },
  '-107': { kind: 'refused' },
  '-108': { kind: 'rejected' },
  // The template (or our data for it) is wrong: the campaign's Zalo channel stops, SMS takes over.
  '-109': { kind: 'channelBroken' },
  '-111': { kind: 'channelBroken' },
  '-112': { kind: 'channelBroken' },
  '-1122': { kind: 'channelBroken' },
  '-1124': { kind: 'channelBroken' },
  '-113': { kind: 'channelBroken' },
  '-117': { kind: 'channelBroken' },
  '-131': { kind: 'channelBroken' },
  // One person's value is over the param's maxLength (a long name): that person goes by SMS, the channel stays.
  '-1121': { kind: 'fallback' },
  '-114': { kind: 'fallback' },
  '-118': { kind: 'fallback' },
  '-119': { kind: 'fallback' },
  '-139': { kind: 'fallback' },
  '-141': { kind: 'fallback' },
  '-124': { kind: 'token' },
  '-133': { kind: 'pause', reason: 'night', until: '06:00' },
  // Daily, monthly and template quotas: we pause until the next Vietnamese midnight (when the daily quota
  // resets); a monthly/template quota simply answers again then and pauses once more.
  '-115': { kind: 'pause', reason: 'quota', until: 'midnight' },
  '-144': { kind: 'pause', reason: 'quota', until: 'midnight' },
  '-1441': { kind: 'pause', reason: 'quota', until: 'midnight' },
  '-147': { kind: 'pause', reason: 'quota', until: 'midnight' },
  '-160': { kind: 'pause', reason: 'quota', until: 'midnight' },
  '-126': { kind: 'pause', reason: 'quota', until: 'midnight' },
  [String(ZALO_RATE_LIMIT)]: { kind: 'retry', throttled: true },
  '-100': { kind: 'retry' }, // "unknown error, try again later"
};

export function classifyZaloReply(body: unknown, nowMs: number): SendOutcome | null {
  const r = body as {
    error?: unknown;
    message?: unknown;
    data?: { msg_id?: unknown; sent_time?: unknown; quota?: { dailyQuota?: unknown; remainingQuota?: unknown } };
  } | null;
  if (!r || r.error === undefined || r.error === null) return null;
  const code = String(r.error);
  const text = String(r.message ?? '');
  if (code === '0') {
    const d = r.data ?? {};
    return {
      kind: 'accepted',
      providerMessageId: d.msg_id === undefined ? undefined : String(d.msg_id),
      // remainingQuota is free quota telemetry: the dispatcher/stats may record it.
      raw: {
        sentTime: d.sent_time,
        dailyQuota: d.quota?.dailyQuota === undefined ? undefined : Number(d.quota.dailyQuota),
        remainingQuota: d.quota?.remainingQuota === undefined ? undefined : Number(d.quota.remainingQuota),
      },
    };
  }
  const rule = ZALO_CODES[code];
  if (!rule) return { kind: 'rejected', code, text };
  switch (rule.kind) {
    case 'pause': {
      const untilMs = nextVnHour(nowMs, rule.until === 'midnight' ? 0 : 6);
      const note = rule.until === 'midnight' ? ' (paused until next midnight, Vietnam time)' : ' (deferred to 06:00)';
      return { kind: 'pause', code, text: text + note, reason: rule.reason, untilMs };
    }
    case 'retry':
      return { kind: 'retry', code, text, throttled: rule.throttled, afterMs: rule.throttled ? 1000 : undefined };
    default:
      return { kind: rule.kind, code, text };
  }
}
