import { isGsm7 } from '../registry/gsm7';
import { fillSlots, slotNumbers } from '../registry/slots';
import { SimConfig } from '../sim-config';

/**
 * VNPT's error codes are not public (they come with the connection contract): these are the simulator's, all
 * assumed (docs/gateways.md), each ERROR_DESC naming the field at fault.
 */
export const VNPT_TEXT: Record<string, string> = {
  '1': 'Invalid parameter',
  '2': 'Authentication failed',
  '3': 'Template not found',
  '4': 'Label (brandname) is not the one the template is registered under',
  '5': 'Not enough balance',
  '6': 'PARAMS do not fill the registered template',
  '7': 'Invalid mobile number',
  '99': 'System busy, try again',
};

export type VnptProblem = { code: string; desc: string };
export type VnptVerdict = VnptProblem | { content: string };

const problem = (code: string, detail: string): VnptProblem => ({ code, desc: `${VNPT_TEXT[code]}: ${detail}` });

/** Assumed SCHEDULETIME format: dd/MM/yyyy HH:mm (or with :ss), as VNPT's portal shows times. */
const SCHEDULE = /^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4} ([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** PARAMS must be exactly NUM "1".."n" for the registered text's n slots, each CONTENT a non-empty string. */
function paramsProblem(raw: unknown, text: string): VnptProblem | Map<number, string> {
  if (!Array.isArray(raw)) return problem('6', 'PARAMS must be an array');
  const slots = slotNumbers(text);
  const values = new Map<number, string>();
  for (const [i, p] of raw.entries()) {
    const item = p as { NUM?: unknown; CONTENT?: unknown } | null;
    if (!item || typeof item !== 'object' || typeof item.NUM !== 'string' || !/^[1-9]\d*$/.test(item.NUM))
      return problem('6', `PARAMS[${i}].NUM must be "1".."${slots.length}"`);
    const num = Number(item.NUM);
    if (values.has(num)) return problem('6', `NUM "${num}" given twice`);
    if (!slots.includes(num)) return problem('6', `NUM "${num}" is not a slot of template (it has ${slots.length})`);
    if (typeof item.CONTENT !== 'string' || !item.CONTENT) return problem('6', `NUM "${num}" has an empty CONTENT`);
    values.set(num, item.CONTENT);
  }
  const missing = slots.find((n) => !values.has(n));
  if (missing !== undefined) return problem('6', `NUM "${missing}" is missing`);
  return values;
}

/** What VNPT checks in one send_sms_list request, in order; on success the text the person will receive. */
export function vnptVerdict(rq: Record<string, unknown>, cfg: SimConfig): VnptVerdict {
  const s = (k: string) => (typeof rq[k] === 'string' ? (rq[k] as string) : '');
  const c = cfg.credentials;
  if (s('APIUSER') !== c.apiUser || s('APIPASS') !== c.apiPass || s('USERNAME') !== c.username)
    return problem('2', 'APIUSER/APIPASS/USERNAME');
  for (const [field, key] of [
    ['AGENTID', 'agentId'],
    ['CONTRACTID', 'contractId'],
    ['CONTRACTTYPEID', 'contractTypeId'],
  ])
    if (s(field) !== c[key]) return problem('2', `${field} is not this account's`);
  // Public client code sends digits; VNPT's own QA suite also sends letters: letters and digits, ≤ 50 (assumed).
  if (!/^[A-Za-z0-9]{1,50}$/.test(s('REQID'))) return problem('1', 'REQID must be 1-50 letters or digits');
  if (!/^84\d{9}$/.test(s('MOBILELIST'))) return problem('7', 'MOBILELIST must be one number 84xxxxxxxxx');
  const tpl = cfg.registry.vnptTemplates[s('TEMPLATEID')];
  if (!tpl) return problem('3', `TEMPLATEID "${s('TEMPLATEID')}" is not registered`);
  if (s('LABELID') !== tpl.labelId)
    return problem('4', `TEMPLATEID ${s('TEMPLATEID')} is not under LABELID "${s('LABELID')}"`);
  const values = paramsProblem(rq.PARAMS, tpl.text);
  if (!(values instanceof Map)) return values;
  const content = fillSlots(tpl.text, values);
  const coding = s('DATACODING');
  if (coding !== '0' && coding !== '8') return problem('1', 'DATACODING must be "0" (GSM) or "8" (UCS-2)');
  if (coding === '0' && !isGsm7(content)) return problem('1', 'DATACODING "0" but the text is not GSM 7-bit');
  const schedule = rq.SCHEDULETIME;
  if (schedule !== undefined && (typeof schedule !== 'string' || (schedule !== '' && !SCHEDULE.test(schedule))))
    return problem('1', 'SCHEDULETIME must be empty or dd/MM/yyyy HH:mm');
  if (s('ISTELCOSUB') !== '0' && s('ISTELCOSUB') !== '1') return problem('1', 'ISTELCOSUB must be "0" or "1"');
  return { content };
}
