import { createHmac } from 'node:crypto';
import { GatewayConfig } from '@loa/core';
import { Carrier, OutboundSms, SendOutcome } from '../channel.types';

export const ESMS_SEND_PATH = '/MainService.svc/json/SendMultipleMessage_V4_post_json/';

export interface EsmsSendRequest {
  ApiKey: string;
  SecretKey: string;
  Phone: string;
  Content: string;
  Brandname: string;
  SmsType: string;
  IsUnicode: '0' | '1';
  Sandbox: '0' | '1';
  RequestId: string;
  CallbackUrl?: string;
  campaignid?: string;
}

/**
 * Adds our request id to the per-message CallbackUrl: eSMS reports carry only its own SMSID, which we lack when
 * the first answer was lost and the retry got 124 (duplicate). With `rid` the report still finds its message.
 * `t` is the message's own token: request ids are sequential, and the URL's `secret` is the same in every callback,
 * so whoever has seen one callback URL could otherwise name any message. The token is keyed with the eSMS
 * SecretKey, which travels in no URL.
 */
export function esmsCallbackUrl(base: string, requestId: string, key: string): string {
  const u = new URL(base);
  u.searchParams.set('rid', requestId);
  u.searchParams.set('t', esmsCallbackToken(key, requestId));
  return u.toString();
}

/** The per-message callback token: HMAC-SHA256(key, request id), 128 bits in hex. */
export function esmsCallbackToken(key: string, requestId: string): string {
  return createHmac('sha256', key).update(`esms-callback:${requestId}`).digest('hex').slice(0, 32);
}

export function encodeEsmsSend(gw: GatewayConfig, msg: OutboundSms): EsmsSendRequest {
  const c = gw.credentials;
  const body: EsmsSendRequest = {
    ApiKey: c.apiKey ?? '',
    SecretKey: c.secretKey ?? '',
    Phone: msg.phone,
    Content: msg.text,
    Brandname: msg.brandname,
    SmsType: c.smsType ?? '2',
    IsUnicode: msg.unicode ? '1' : '0',
    Sandbox: c.sandbox === '1' ? '1' : '0',
    RequestId: msg.requestId,
  };
  if (msg.callbackUrl) body.CallbackUrl = esmsCallbackUrl(msg.callbackUrl, msg.requestId, c.secretKey ?? '');
  if (c.campaignId) body.campaignid = c.campaignId;
  return body;
}

type Action = 'refused' | 'rejected' | 'retry';

/**
 * eSMS CodeResult table (developers.esms.vn, "Table of error codes"); 100 and 124 are handled before. The person's
 * own number (99 blocked, 108 format) → rejected; everything naming our request or account → refused.
 */
export const ESMS_CODES: Record<string, [Action, string]> = {
  '99': ['rejected', 'phone number blocked in the system (older docs: unknown error)'],
  '101': ['refused', 'wrong ApiKey or SecretKey'],
  '102': ['refused', 'no price list for this account'],
  '103': ['refused', 'balance too low'],
  '104': ['refused', 'brandname not registered'],
  '107': ['refused', 'advertising needs at least 30 numbers per request'],
  '108': ['rejected', 'phone number format'],
  '110': ['refused', 'request data incorrect'],
  '118': ['refused', 'unsupported message type (SmsType)'],
  '120': ['refused', 'too many phone numbers in one request'],
  '140': ['refused', 'source IP not whitelisted'],
  '146': ['refused', 'content does not match a registered customer-care template'],
  '177': ['refused', 'brandname not registered for this carrier'],
  '300': ['refused', 'missing message type'],
};

/**
 * 100 accepted; 124 = duplicate RequestId, i.e. eSMS already holds this message: accepted (what makes resends
 * safe). Unknown codes are retried: eSMS dedupes on RequestId, so a resend can never double-send.
 */
export function classifyEsmsReply(body: unknown): SendOutcome | null {
  const r = body as { CodeResult?: unknown; SMSID?: unknown; ErrorMessage?: unknown } | null;
  if (!r || r.CodeResult === undefined || r.CodeResult === null) return null;
  const code = String(r.CodeResult);
  const smsId = typeof r.SMSID === 'string' && r.SMSID ? r.SMSID : undefined;
  if (code === '100') return { kind: 'accepted', providerMessageId: smsId, raw: { CodeResult: code } };
  if (code === '124') return { kind: 'accepted', providerMessageId: smsId, raw: { CodeResult: code, duplicate: true } };
  const known = ESMS_CODES[code];
  const text = String(r.ErrorMessage ?? known?.[1] ?? 'unknown eSMS code');
  return { kind: known?.[0] ?? 'retry', code, text };
}

/** eSMS `telcoid` → our carrier. 7 (Reddi, an MVNO) has no carrier of ours: left unknown. */
export const ESMS_TELCO: Record<string, Carrier | undefined> = {
  '1': 'viettel',
  '2': 'mobifone',
  '3': 'vinaphone',
  '4': 'vietnamobile',
  '5': 'gmobile',
  '6': 'itel',
  '7': undefined,
};
