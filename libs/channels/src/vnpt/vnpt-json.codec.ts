import { GatewayConfig } from '@loa/core';
import { OutboundSms, SendOutcome } from '../channel.types';

export interface VnptSendRequest {
  RQST: {
    name: 'send_sms_list';
    REQID: string;
    LABELID: string;
    CONTRACTTYPEID: string;
    CONTRACTID: string;
    TEMPLATEID: string;
    PARAMS: { NUM: string; CONTENT: string }[];
    SCHEDULETIME: string;
    MOBILELIST: string;
    ISTELCOSUB: string;
    AGENTID: string;
    APIUSER: string;
    APIPASS: string;
    USERNAME: string;
    DATACODING: string;
  };
}

/** The registered template a VNPT send goes out under (OutboundSms.template). */
export type VnptTemplateRef = NonNullable<OutboundSms['template']>;

/**
 * VNPT sends registered templates with parameters, never free text: TEMPLATEID names the template, LABELID the
 * brandname it is registered under (the configured `labelId` unless the registration says), and PARAMS fill its
 * slots {1}..{n} in order. DATACODING 8 = UCS-2 (the SMPP data_coding value), 0 = GSM.
 */
export function encodeVnptSend(gw: GatewayConfig, msg: OutboundSms, template: VnptTemplateRef): VnptSendRequest {
  const c = gw.credentials;
  return {
    RQST: {
      name: 'send_sms_list',
      REQID: msg.requestId,
      LABELID: template.labelId ?? c.labelId ?? '',
      CONTRACTTYPEID: c.contractTypeId ?? '',
      CONTRACTID: c.contractId ?? '',
      TEMPLATEID: template.templateId,
      PARAMS: template.params.map((content, i) => ({ NUM: String(i + 1), CONTENT: content })),
      SCHEDULETIME: '',
      MOBILELIST: msg.phone,
      ISTELCOSUB: '0',
      AGENTID: c.agentId ?? '',
      APIUSER: c.apiUser ?? '',
      APIPASS: c.apiPass ?? '',
      USERNAME: c.username ?? '',
      DATACODING: msg.unicode ? '8' : '0',
    },
  };
}

type Kind = 'refused' | 'rejected' | 'retry';

/**
 * VNPT's codes are not public: these are the ones the simulator answers (assumed, docs/gateways.md), to be checked
 * against the connection contract. Codes outside the table are classified by ERROR_DESC.
 */
export const VNPT_CODES: Record<string, [Kind, string]> = {
  '1': ['refused', 'a field of our request is invalid'],
  '2': ['refused', 'credentials, agent or contract refused'],
  '3': ['refused', 'template not registered'],
  '4': ['refused', "label (brandname) is not the template's"],
  '5': ['refused', 'not enough balance'],
  '6': ['refused', 'PARAMS do not fill the registered template'],
  '7': ['rejected', 'invalid mobile number'],
  '99': ['retry', 'system busy'],
};

/**
 * ERROR "0" is success. Unknown failures are permanent for the message (not queued at VNPT: resending blindly
 * would only burn the agreed TPS), except those whose ERROR_DESC says throttling or a busy system.
 */
export function classifyVnptReply(body: unknown): SendOutcome | null {
  const rply = (body as { RPLY?: { ERROR?: unknown; ERROR_DESC?: unknown } } | null)?.RPLY;
  if (!rply || rply.ERROR === undefined) return null;
  const code = String(rply.ERROR);
  const text = String(rply.ERROR_DESC ?? '');
  if (code === '0') return { kind: 'accepted', raw: { ERROR: code, ERROR_DESC: text } };
  const up = text.toUpperCase();
  if (/\bTPS\b|THROTTL|RATE.?LIMIT|TOO.?MANY|OVERLOAD/.test(up)) {
    return { kind: 'retry', code, text, throttled: true, afterMs: 1000 };
  }
  const known = VNPT_CODES[code];
  if (known) return { kind: known[0], code, text: text || known[1] };
  if (/SYSTEM|BUSY|TIMEOUT|EXCEPTION|TRY.?AGAIN/.test(up)) return { kind: 'retry', code, text };
  return { kind: 'rejected', code, text };
}
