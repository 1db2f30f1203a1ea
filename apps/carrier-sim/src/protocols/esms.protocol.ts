import { ESMS_SEND_PATH } from '@loa/channels';
import { json, newId, Protocol } from '../protocol';
import { networkOf, TELCO_ID } from './carrier-prefix';
import { ESMS_MESSAGES, esmsVerdict } from './esms.rules';

const code = (c: string, msg: string, extra: Record<string, unknown> = {}) =>
  json(200, { CodeResult: c, CountRegenerate: 0, ErrorMessage: msg, ...extra });

/** eSMS V4 JSON: dedupes on RequestId (124), reports by GET to each message's CallbackUrl. */
export const esmsProtocol: Protocol = {
  name: 'esms',
  isSend: (method, path) => method === 'POST' && path.replace(/\/?$/, '/') === ESMS_SEND_PATH,
  parse(_req, body, { cfg }) {
    let b: unknown;
    try {
      b = JSON.parse(body.toString('utf8'));
    } catch {
      b = undefined;
    }
    // Documented answer to a request eSMS cannot read at all (its "99" tab): no CodeResult.
    if (!b || typeof b !== 'object' || Array.isArray(b)) return json(400, { error: 'Invalid request' });
    const v = esmsVerdict(b as Record<string, unknown>, cfg);
    if ('code' in v) return code(v.code, v.message, v.code === '146' ? { SMSID: newId() } : {});
    // eSMS's RequestId is optional; without one there is no dedupe (we always send one).
    return { requestId: v.requestId ?? newId(), phone: v.phone, content: v.content, callbackUrl: v.callbackUrl };
  },
  throttled: () => json(429, { CodeResult: '429', ErrorMessage: 'Too many requests' }, { 'retry-after': '1' }),
  failure: (c) => code(c || '99', ESMS_MESSAGES[c] ?? 'Error'),
  duplicate: () => code('124', 'Request exist 1'),
  accept(p, { cfg, wallMs }) {
    const smsId = newId();
    return {
      msg: {
        providerId: smsId,
        requestId: p.requestId,
        phone: p.phone,
        content: p.content,
        acceptedAt: wallMs,
        callbackUrl: p.callbackUrl,
        carrier: networkOf(p.phone, cfg.portedNumbers),
      },
      reply: json(200, { CodeResult: '100', CountRegenerate: 0, SMSID: smsId }),
    };
  },
  reports(msg) {
    if (!msg.callbackUrl) return [];
    const u = new URL(msg.callbackUrl);
    u.searchParams.set('SMSID', msg.providerId);
    // 5 = sent/delivered (documented); 4 for a failure is assumed (eSMS documents only 1, 2 and 5).
    u.searchParams.set('SendStatus', msg.report?.status === 'delivered' ? '5' : '4');
    if (msg.carrier) u.searchParams.set('telcoid', TELCO_ID[msg.carrier as keyof typeof TELCO_ID]);
    u.searchParams.set('phonenumber', msg.phone);
    return [{ method: 'GET', url: u.toString() }];
  },
};
