import { XMLParser } from 'fast-xml-parser';
import { formatVnCompact, xmlEscape } from '@loa/channels';
import { Protocol, Reply } from '../protocol';
import { WsCpMtField, wsCpMtProblem } from './viettel.rules';

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true, trimValues: false });

const envelope = (result: string, message: string): Reply => ({
  status: 200,
  contentType: 'text/xml; charset=utf-8',
  body:
    '<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">' +
    '<S:Body><ns2:wsCpMtResponse xmlns:ns2="http://impl.bulkSms.ws/"><return>' +
    `<message>${xmlEscape(message)}</message><result>${result}</result>` +
    '</return></ns2:wsCpMtResponse></S:Body></S:Envelope>',
});

const fault = (code: 'S:Client' | 'S:Server', text: string): Reply => ({
  status: 500,
  contentType: 'text/xml; charset=utf-8',
  body:
    '<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<S:Body><S:Fault><faultcode>${code}</faultcode><faultstring>${xmlEscape(text)}</faultstring></S:Fault>` +
    '</S:Body></S:Envelope>',
});

/** The check name Viettel prefixes to a failure token for `failure`/`phoneCodes` (docs/gateways.md). */
const CHECK: Record<string, string> = {
  CONTENT_NOT_MATCH_TEMPLATE: 'Check template',
  IP_INVALID: 'Authenticate',
  TPS_LIMIT_EXCEEDED: 'Check TPS',
  NOT_ENOUGH_BALANCE: 'Check balance',
  MSG_ERROR_CONTAIN_BLACKLIST: 'Check Content',
  FORMAT_ERROR: 'Check ReceiverID',
};

/** Viettel SOAP 1.1 wsCpMt at any path (the real WSDL lives at /bulkapi). */
export const viettelProtocol: Protocol = {
  name: 'viettel',
  isSend: (method) => method === 'POST',
  parse(_req, body, { cfg }) {
    let doc: Record<string, unknown>;
    try {
      doc = parser.parse(body.toString('utf8'), true) as Record<string, unknown>;
    } catch (e) {
      return fault('S:Client', `Unmarshalling Error: ${(e as Error).message.split('\n')[0]}`);
    }
    const env = doc.Envelope as Record<string, Record<string, Record<string, unknown>>> | undefined;
    const op = env?.Body?.wsCpMt as Record<string, unknown> | undefined;
    if (!op) return fault('S:Client', 'Cannot find dispatch method for wsCpMt');
    const f = (k: WsCpMtField) => (op[k] === undefined || op[k] === null ? '' : String(op[k]));
    const problem = wsCpMtProblem(f, cfg);
    if (problem) return envelope('0', problem);
    const content = f('Content');
    return { requestId: f('RequestID'), phone: f('ReceiverID'), content };
  },
  throttled: () => envelope('0', 'Check TPS: TPS_LIMIT_EXCEEDED'),
  failure: (code) => envelope('0', `${CHECK[code] ?? 'Check'}: ${code || 'SYSTEM_ERROR'}`),
  accept(p, { wallMs }) {
    return {
      msg: { providerId: p.requestId, requestId: p.requestId, phone: p.phone, content: p.content, acceptedAt: wallMs },
      reply: envelope('1', 'Insert MT_QUEUE: OK'),
    };
  },
  reports(msg, { cfg }) {
    const delivered = msg.report?.status === 'delivered';
    const form = new URLSearchParams({
      RequestID: msg.requestId,
      ReceiverID: msg.phone,
      Status: delivered ? '1' : '0',
      ErrorCode: delivered ? '0' : '6', // assumed: 6 = expired undelivered
      DoneTime: formatVnCompact(Date.now()),
    });
    return [
      {
        method: 'POST',
        url: cfg.webhookUrl,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      },
    ];
  },
};
