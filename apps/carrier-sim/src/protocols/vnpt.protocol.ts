import { json, Protocol, Reply } from '../protocol';
import { VNPT_TEXT, vnptVerdict } from './vnpt.rules';

const rply = (error: string, desc: string): Reply =>
  json(200, { RPLY: { name: 'send_sms_list', ERROR: error, ERROR_DESC: desc } });

/** VNPT/VinaPhone send_sms_list JSON. Throttling: HTTP 429 (VNPT's own code is not public). */
export const vnptProtocol: Protocol = {
  name: 'vnpt',
  isSend: (method) => method === 'POST',
  parse(_req, body, { cfg }) {
    let rq: Record<string, unknown> | undefined;
    try {
      rq = (JSON.parse(body.toString('utf8')) as { RQST?: Record<string, unknown> }).RQST;
    } catch {
      return rply('1', 'Invalid parameter: body is not JSON');
    }
    if (!rq || typeof rq !== 'object' || rq.name !== 'send_sms_list') return rply('1', 'Invalid parameter: RQST.name');
    const verdict = vnptVerdict(rq, cfg);
    if (!('content' in verdict)) return rply(verdict.code, verdict.desc);
    // The person receives the registered text with the slots filled: that is the message's content.
    return { requestId: rq.REQID as string, phone: rq.MOBILELIST as string, content: verdict.content };
  },
  throttled: () =>
    json(
      429,
      { RPLY: { name: 'send_sms_list', ERROR: '429', ERROR_DESC: 'TPS limit exceeded' } },
      { 'retry-after': '1' },
    ),
  failure: (code) => rply(code || '99', VNPT_TEXT[code] ?? 'Error'),
  accept(p, { wallMs }) {
    return {
      msg: { providerId: p.requestId, requestId: p.requestId, phone: p.phone, content: p.content, acceptedAt: wallMs },
      reply: rply('0', 'Success'),
    };
  },
  reports(msg, { cfg }) {
    const delivered = msg.report?.status === 'delivered';
    const body = {
      RQST: {
        name: 'dlr',
        REQID: msg.requestId,
        MOBILE: msg.phone,
        STATUS: delivered ? '1' : '0',
        ERROR_DESC: delivered ? '' : 'EXPIRED',
      },
    };
    return [
      {
        method: 'POST',
        url: cfg.webhookUrl,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    ];
  },
};
