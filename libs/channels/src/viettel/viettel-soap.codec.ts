import { XMLParser } from 'fast-xml-parser';
import { SendOutcome } from '../channel.types';

export const VIETTEL_NS = 'http://impl.bulkSms.ws/';
export const VIETTEL_MAX_CONTENT = 480;

export interface WsCpMtFields {
  User: string;
  Password: string;
  CPCode: string;
  RequestID: string;
  UserID: string;
  ReceiverID: string;
  ServiceID: string;
  CommandCode: 'bulksms';
  Content: string;
  ContentType: '0' | '1';
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an XML element; also drops characters XML 1.0 cannot carry at all. */
export function xmlEscape(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

const FIELD_ORDER: (keyof WsCpMtFields)[] = [
  'User',
  'Password',
  'CPCode',
  'RequestID',
  'UserID',
  'ReceiverID',
  'ServiceID',
  'CommandCode',
  'Content',
  'ContentType',
];

/** The SOAP 1.1 envelope for `wsCpMt`; child elements unqualified, as JAX-WS document/literal expects. */
export function encodeWsCpMt(f: WsCpMtFields): string {
  const fields = FIELD_ORDER.map((k) => `<${k}>${xmlEscape(f[k])}</${k}>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:impl="${VIETTEL_NS}">` +
    `<soapenv:Header/><soapenv:Body><impl:wsCpMt>${fields}</impl:wsCpMt></soapenv:Body></soapenv:Envelope>`
  );
}

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true, trimValues: true });

export type WsCpMtReply = { result: string; message: string } | { fault: string; faultcode: string };

/** Finds `<result>`/`<message>` (or a SOAP Fault) wherever the server nests them; null when neither is there. */
export function parseWsCpMtReply(xml: string): WsCpMtReply | null {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    return null;
  }
  const found = findNode(doc, (n) => 'result' in n || 'faultstring' in n);
  if (!found) return null;
  if ('faultstring' in found)
    return { fault: String(found.faultstring ?? ''), faultcode: String(found.faultcode ?? '') };
  return { result: String(found.result ?? ''), message: String(found.message ?? '') };
}

function findNode(node: unknown, match: (n: Record<string, unknown>) => boolean): Record<string, unknown> | null {
  if (!node || typeof node !== 'object') return null;
  const rec = node as Record<string, unknown>;
  if (!Array.isArray(node) && match(rec)) return rec;
  for (const v of Object.values(rec)) {
    const hit = findNode(v, match);
    if (hit) return hit;
  }
  return null;
}

/** The error token in messages like "Check template: CONTENT_NOT_MATCH_TEMPLATE". */
function token(message: string): string | undefined {
  return /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/.exec(message)?.[1];
}

type Kind = 'retry' | 'refused' | 'rejected';

/**
 * Viettel's `<message>` answers with `<result>0</result>`, first match wins. The wording is Viettel's as a public
 * wsCpMt client lists it (docs/gateways.md); the TPS/system/balance patterns are conventional (assumed).
 * - the person's own number is wrong → rejected;
 * - anything naming our request (credentials, IP, a field, the brandname, an unregistered content) → refused;
 * - throttling → throttled retry; the gateway's own trouble → retry.
 */
const ANSWERS: { re: RegExp; kind: Kind; code?: string; throttled?: boolean }[] = [
  { re: /\bTPS\b|THROTTL|RATE.?LIMIT|TOO.?MANY|OVERLOAD/i, kind: 'retry', throttled: true },
  { re: /^Check ReceiverID: FORMAT_ERROR/i, kind: 'rejected' },
  { re: /^Unable to check telco/i, kind: 'rejected', code: 'TELCO_UNKNOWN' },
  { re: /DUPLICATE MESSAGE/i, kind: 'rejected', code: 'DUPLICATE_MESSAGE' },
  { re: /^Check information error/i, kind: 'retry', code: 'INFORMATION_ERROR' },
  { re: /^UserID_NOT_EQUAL_ReceiverID/i, kind: 'refused', code: 'USERID_NOT_EQUAL_RECEIVERID' },
  {
    re: /AUTHEN|CP_CODE_NOT_FOUND|PASSWORD|WRONG.?USER|USER.?(INVALID|NOT)|LOGIN|IP.?(INVALID|NOT|DENIED)|PERMISSION|DENIED/i,
    kind: 'refused',
  },
  { re: /^Check (RequestID|UserID|ReceiverID|ServiceID|CommandCode|Content|ContentType|template)\b/i, kind: 'refused' },
  { re: /BALANCE/i, kind: 'refused' },
  { re: /SYSTEM|BUSY|TIMEOUT|EXCEPTION|DATABASE|TRY.?AGAIN/i, kind: 'retry' },
];

/**
 * Viettel answers result 1 for success and result 0 plus a free-text message otherwise (see ANSWERS). An unknown
 * result 0 is permanent for the message: it was not queued, and blind resending would burn the agreed TPS.
 */
export function classifyWsCpMt(reply: WsCpMtReply): SendOutcome {
  if ('fault' in reply) {
    // Server faults are the gateway's trouble (retry); Client faults mean our request is malformed.
    return /client/i.test(reply.faultcode)
      ? { kind: 'refused', code: 'soap-fault', text: reply.fault }
      : { kind: 'retry', code: 'soap-fault', text: reply.fault };
  }
  const { result, message } = reply;
  if (result === '1') return { kind: 'accepted', raw: { result, message } };
  const rule = ANSWERS.find((a) => a.re.test(message));
  const code = rule?.code ?? token(message) ?? `result-${result}`;
  if (rule?.throttled) return { kind: 'retry', code, text: message, throttled: true, afterMs: 1000 };
  return { kind: rule?.kind ?? 'rejected', code, text: message };
}
