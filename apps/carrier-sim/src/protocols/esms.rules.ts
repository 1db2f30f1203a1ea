import { isGsm7 } from '../registry/gsm7';
import { MAX_BRANDNAME } from '../registry/sim-registry';
import { matchesPattern } from '../registry/slots';
import { canonicalPhone } from '../protocol';
import { SimConfig } from '../sim-config';
import { networkOf } from './carrier-prefix';

/**
 * eSMS CodeResult texts: ErrorMessage as its API answers them where documented (developers.esms.vn, the
 * devesms/gitbook_esms_for_develop_v2 pages), else the "Table of error codes" wording.
 */
export const ESMS_MESSAGES: Record<string, string> = {
  '99': 'The phone number is blocked in the system',
  '101': 'Authorize Failed',
  '102': 'No price list available',
  '103': 'Not enough balance to send message',
  '104': 'Brand name code is not exist',
  '108': 'Phone number is not in correct format',
  '110': 'The requested data is incorrect',
  '118': 'Unsupported message type',
  '140': 'IP is not whitelisted for sending messages',
  '146': 'Sai template Brandname CSKH',
  '177': 'The network is not registered',
};

/** eSMS keeps RequestId up to 50 characters (documented). */
const MAX_REQUEST_ID = 50;

export type EsmsVerdict =
  { code: string; message: string } | { phone: string; content: string; requestId?: string; callbackUrl?: string };

const refuse = (code: string, detail?: string) => ({
  code,
  message: detail ? `${ESMS_MESSAGES[code]}: ${detail}` : ESMS_MESSAGES[code],
});

const isHttpUrl = (s: string): boolean => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** What eSMS checks in one SendMultipleMessage_V4_post_json request, in order. 110 for a malformed field is assumed. */
export function esmsVerdict(b: Record<string, unknown>, cfg: SimConfig): EsmsVerdict {
  const s = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
  const present = (k: string) => b[k] !== undefined && b[k] !== null;
  if (s('ApiKey') !== cfg.credentials.apiKey || s('SecretKey') !== cfg.credentials.secretKey) return refuse('101');
  const smsType = s('SmsType');
  if (smsType !== '1' && smsType !== '2') return refuse('118');
  const brandname = s('Brandname');
  const brand = brandname.length <= MAX_BRANDNAME ? cfg.registry.brandnames[brandname] : undefined;
  if (!brand) return refuse('104');
  const phone = canonicalPhone(s('Phone'));
  const network = phone ? networkOf(phone, cfg.portedNumbers) : undefined;
  if (!phone || !network) return refuse('108');
  if (brand.networks && !brand.networks.includes(network)) return refuse('177');
  if (present('RequestId') && (typeof b.RequestId !== 'string' || b.RequestId.length > MAX_REQUEST_ID))
    return refuse('110', `RequestId must be a string of at most ${MAX_REQUEST_ID} characters`);
  for (const k of ['IsUnicode', 'Sandbox'])
    if (present(k) && s(k) !== '0' && s(k) !== '1') return refuse('110', `${k} must be "0" or "1"`);
  if (present('CallbackUrl') && !isHttpUrl(s('CallbackUrl')))
    return refuse('110', 'CallbackUrl must be an http(s) URL');
  const content = s('Content');
  if (!content) return refuse('110', 'Content is empty');
  if (s('IsUnicode') !== '1' && !isGsm7(content)) return refuse('110', 'IsUnicode is not "1" but Content is accented');
  // Customer care ("2") must match a template registered for the brandname; advertising is reviewed by hand.
  if (smsType === '2' && !brand.contents.some((p) => matchesPattern(p, content))) return refuse('146');
  return {
    phone,
    content,
    requestId: s('RequestId') || undefined,
    callbackUrl: s('CallbackUrl') || undefined,
  };
}
