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

/**
 * Viettel answers result 1 for success and result 0 plus a free-text message otherwise. Only
 * CONTENT_NOT_MATCH_TEMPLATE is documented; the other patterns are the conventional ones (see docs/gateways.md).
 * Unknown failures are permanent: result 0 means "not queued", and blind resending wastes the agreed TPS.
 */
export function classifyWsCpMt(reply: WsCpMtReply): SendOutcome {
  if ('fault' in reply) {
    // Server faults are the gateway's trouble (retry); Client faults mean our request is wrong.
    return /client/i.test(reply.faultcode)
      ? { kind: 'rejected', code: 'soap-fault', text: reply.fault }
      : { kind: 'retry', code: 'soap-fault', text: reply.fault };
  }
  const { result, message } = reply;
  if (result === '1') return { kind: 'accepted', raw: { result, message } };
  const code = token(message) ?? `result-${result}`;
  const up = message.toUpperCase();
  if (/TPS|THROTTL|RATE.?LIMIT|TOO.?MANY|OVERLOAD/.test(up)) {
    return { kind: 'retry', code, text: message, throttled: true, afterMs: 1000 };
  }
  if (/AUTHEN|PASSWORD|WRONG.?USER|USER.?(INVALID|NOT)|LOGIN|IP.?(INVALID|NOT|DENIED)|PERMISSION|DENIED/.test(up)) {
    return { kind: 'rejected', code, text: message };
  }
  if (/SYSTEM|BUSY|TIMEOUT|EXCEPTION|DATABASE|TRY.?AGAIN/.test(up)) return { kind: 'retry', code, text: message };
  return { kind: 'rejected', code, text: message };
}
