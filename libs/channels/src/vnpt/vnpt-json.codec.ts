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

/**
 * VNPT sends templates with parameters, not free text: our template is registered at VNPT as a single
 * parameter, so the rendered text travels as PARAMS[0]. DATACODING 8 = UCS-2 (the SMPP data_coding value), 0 = GSM.
 */
export function encodeVnptSend(gw: GatewayConfig, msg: OutboundSms): VnptSendRequest {
  const c = gw.credentials;
  return {
    RQST: {
      name: 'send_sms_list',
      REQID: msg.requestId,
      LABELID: c.labelId ?? '',
      CONTRACTTYPEID: c.contractTypeId ?? '',
      CONTRACTID: c.contractId ?? '',
      TEMPLATEID: c.templateId ?? '',
      PARAMS: [{ NUM: '1', CONTENT: msg.text }],
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

/**
 * ERROR "0" is success; VNPT's other codes are not public, so failures are classified by ERROR_DESC (docs/gateways.md).
 * Unknown failures are permanent (not queued at VNPT: resending blindly would only burn the agreed TPS).
 */
export function classifyVnptReply(body: unknown): SendOutcome | null {
  const rply = (body as { RPLY?: { ERROR?: unknown; ERROR_DESC?: unknown } } | null)?.RPLY;
  if (!rply || rply.ERROR === undefined) return null;
  const code = String(rply.ERROR);
  const text = String(rply.ERROR_DESC ?? '');
  if (code === '0') return { kind: 'accepted', raw: { ERROR: code, ERROR_DESC: text } };
  const up = text.toUpperCase();
  if (/TPS|THROTTL|RATE.?LIMIT|TOO.?MANY|OVERLOAD/.test(up)) {
    return { kind: 'retry', code, text, throttled: true, afterMs: 1000 };
  }
  if (/SYSTEM|BUSY|TIMEOUT|EXCEPTION|TRY.?AGAIN/.test(up)) return { kind: 'retry', code, text };
  return { kind: 'rejected', code, text };
}
