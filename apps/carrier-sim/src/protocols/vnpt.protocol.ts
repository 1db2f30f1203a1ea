import { json, Protocol, Reply } from '../protocol';

const rply = (error: string, desc: string): Reply =>
  json(200, { RPLY: { name: 'send_sms_list', ERROR: error, ERROR_DESC: desc } });

/** Assumed VNPT error codes (not public): the adapter classifies by ERROR_DESC. */
const CODES: Record<string, string> = {
  '1': 'Invalid parameters',
  '2': 'Authentication failed',
  '3': 'Template not found or content does not match the template',
  '4': 'Label (brandname) not registered',
  '5': 'Not enough balance',
  '99': 'System busy, try again',
};

/** VNPT/VinaPhone send_sms_list JSON. Throttling: HTTP 429 (VNPT's own code is not public). */
export const vnptProtocol: Protocol = {
  name: 'vnpt',
  isSend: (method) => method === 'POST',
  parse(_req, body, { cfg }) {
    let rq: Record<string, unknown> | undefined;
    try {
      rq = (JSON.parse(body.toString('utf8')) as { RQST?: Record<string, unknown> }).RQST;
    } catch {
      return rply('1', 'Invalid parameters: body is not JSON');
    }
    if (!rq || rq.name !== 'send_sms_list') return rply('1', 'Invalid parameters: RQST.name');
    const s = (k: string) => (typeof rq[k] === 'string' ? (rq[k] as string) : '');
    const c = cfg.credentials;
    if (s('APIUSER') !== c.apiUser || s('APIPASS') !== c.apiPass || s('USERNAME') !== c.username) {
      return rply('2', CODES['2']);
    }
    if (s('TEMPLATEID') !== c.templateId) return rply('3', CODES['3']);
    if (s('LABELID') !== c.labelId) return rply('4', CODES['4']);
    const params = rq.PARAMS as { NUM?: string; CONTENT?: string }[] | undefined;
    const content = Array.isArray(params) ? params.find((p) => p.NUM === '1')?.CONTENT : undefined;
    if (!content || !s('REQID') || !/^84\d{9}$/.test(s('MOBILELIST'))) return rply('1', CODES['1']);
    if (!['0', '8'].includes(s('DATACODING'))) return rply('1', 'Invalid parameters: DATACODING');
    return { requestId: s('REQID'), phone: s('MOBILELIST'), content };
  },
  throttled: () =>
    json(
      429,
      { RPLY: { name: 'send_sms_list', ERROR: '429', ERROR_DESC: 'TPS limit exceeded' } },
      { 'retry-after': '1' },
    ),
  failure: (code) => rply(code || '99', CODES[code] ?? 'Error'),
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
