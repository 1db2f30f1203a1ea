import { ESMS_SEND_PATH } from '@loa/channels';
import { canonicalPhone, json, newId, Protocol } from '../protocol';
import { networkOf, TELCO_ID } from './carrier-prefix';

const code = (c: string, msg: string, extra: Record<string, unknown> = {}) =>
  json(200, { CodeResult: c, ErrorMessage: msg, ...extra });

const MESSAGES: Record<string, string> = {
  '99': 'The phone number is blocked in the system',
  '101': 'Authorize Failed',
  '103': 'Not enough balance',
  '104': 'Brandname does not exist',
  '108': 'Phone number is not in correct format',
  '118': 'Unsupported message type',
  '146': 'Wrong customer care template',
};

/** eSMS V4 JSON: dedupes on RequestId (124), reports by GET to each message's CallbackUrl. */
export const esmsProtocol: Protocol = {
  name: 'esms',
  isSend: (method, path) => method === 'POST' && path.replace(/\/?$/, '/') === ESMS_SEND_PATH,
  parse(_req, body, { cfg }) {
    let b: Record<string, unknown>;
    try {
      b = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return code('99', 'Invalid request body');
    }
    const s = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
    if (s('ApiKey') !== cfg.credentials.apiKey || s('SecretKey') !== cfg.credentials.secretKey) {
      return code('101', MESSAGES['101']);
    }
    if (!['1', '2'].includes(s('SmsType'))) return code('118', MESSAGES['118']);
    if (!s('Brandname')) return code('104', MESSAGES['104']);
    const phone = canonicalPhone(s('Phone'));
    if (!phone) return code('108', MESSAGES['108']);
    if (!s('Content')) return code('99', 'Content is empty');
    // eSMS's RequestId is optional; without one there is no dedupe (we always send one).
    return {
      requestId: s('RequestId') || newId(),
      phone,
      content: s('Content'),
      callbackUrl: s('CallbackUrl') || undefined,
    };
  },
  throttled: () => json(429, { CodeResult: '429', ErrorMessage: 'Too many requests' }, { 'retry-after': '1' }),
  failure: (c) => code(c || '99', MESSAGES[c] ?? 'Error'),
  duplicate: () => code('124', 'Duplicate RequestId'),
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
