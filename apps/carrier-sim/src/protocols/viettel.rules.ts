import { Carrier } from '@loa/channels';
import { isGsm7 } from '../registry/gsm7';
import { MAX_BRANDNAME } from '../registry/sim-registry';
import { matchesPattern } from '../registry/slots';
import { SimConfig } from '../sim-config';
import { networkOf } from './carrier-prefix';

export const VIETTEL_MAX_CONTENT = 480;

/** The telco codes Viettel names in `ALIAS_INVALID:TELCO=…` (VT/VN/MB/VM public; GM/IT assumed). */
const TELCO: Record<Carrier, string> = {
  viettel: 'VT',
  vinaphone: 'VN',
  mobifone: 'MB',
  vietnamobile: 'VM',
  gmobile: 'GM',
  itel: 'IT',
};

export type WsCpMtField =
  | 'User'
  | 'Password'
  | 'CPCode'
  | 'RequestID'
  | 'UserID'
  | 'ReceiverID'
  | 'ServiceID'
  | 'CommandCode'
  | 'Content'
  | 'ContentType';

/**
 * What Viettel checks in a wsCpMt call, in its order, and the `<message>` it answers with `<result>0</result>`.
 * The wording is that of Viettel's answers as a public client lists them (docs/gateways.md); the ContentType
 * answers are assumed. Returns null when the call is acceptable.
 */
export function wsCpMtProblem(f: (k: WsCpMtField) => string, cfg: SimConfig): string | null {
  const c = cfg.credentials;
  if (!f('CPCode')) return 'Authenticate: Cp_code: NULL_OR_BLANK';
  if (!f('User')) return 'Authenticate: UserName: NULL_OR_BLANK';
  if (!f('Password')) return 'Authenticate: Password: NULL_OR_BLANK';
  if (f('CPCode') !== c.cpCode) return 'CP_CODE_NOT_FOUND';
  if (f('User') !== c.user || f('Password') !== c.password) return 'WRONG_INFORMATION_AUTHENTICATE';
  if (!f('RequestID')) return 'Check RequestID: NULL_OR_BLANK';
  if (!/^\d+$/.test(f('RequestID'))) return 'Check RequestID: REQUEST_ID_NOT_NUMBER';
  if (!f('UserID')) return 'Check UserID: NULL_OR_BLANK';
  const receiver = f('ReceiverID');
  if (!receiver) return 'Check ReceiverID: NULL_OR_BLANK';
  if (!/^84\d{9}$/.test(receiver)) return 'Check ReceiverID: FORMAT_ERROR';
  if (f('UserID') !== receiver) return 'UserID_NOT_EQUAL_ReceiverID';
  const network = networkOf(receiver, cfg.portedNumbers);
  if (!network) return 'Unable to check telco from input receiver';
  const serviceId = f('ServiceID');
  const brand = serviceId.length <= MAX_BRANDNAME ? cfg.registry.brandnames[serviceId] : undefined;
  if (!brand || (brand.networks && !brand.networks.includes(network)))
    return `Check ServiceID: ALIAS_INVALID:TELCO=${TELCO[network]}`;
  if (!f('CommandCode')) return 'Check CommandCode: NULL_OR_BLANK';
  if (f('CommandCode') !== 'bulksms') return 'Check CommandCode: COMMAND_CODE_ERROR';
  const content = f('Content');
  if (!content) return 'Check Content: NULL_OR_BLANK';
  if (content.length > VIETTEL_MAX_CONTENT)
    return `Check Content: MAXLENGTH_LIMIT_${VIETTEL_MAX_CONTENT}_BYTE (YOUR_CONTENT: ${content.length} BYTE)`;
  const type = f('ContentType');
  if (type !== '0' && type !== '1') return 'Check ContentType: CONTENT_TYPE_INVALID';
  // Unaccented (0) is GSM 7-bit: accented text sent as 0 would arrive garbled, so it is refused (assumed).
  if (type === '0' && !isGsm7(content)) return 'Check ContentType: CONTENT_TYPE_NOT_MATCH_CONTENT';
  if (!brand.contents.some((p) => matchesPattern(p, content))) return 'Check template: CONTENT_NOT_MATCH_TEMPLATE';
  return null;
}
