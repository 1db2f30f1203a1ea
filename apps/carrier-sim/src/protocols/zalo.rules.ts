import { canonicalPhone } from '../protocol';
import { ZnsParamSpec } from '../registry/sim-registry';
import { SimConfig } from '../sim-config';

/**
 * ZNS error messages: -108/-109/-111/-112/-124/-131 as in Zalo's table (zalo.cloud "Cách xử lý mã lỗi");
 * -1121/-1122/-1124 second-hand (integration notes quoting developers.zalo.me); -106/-107 used here are assumed.
 */
export const ZNS_MESSAGES: Record<string, string> = {
  '-106': 'Method unsupported',
  '-107': 'Message ID invalid',
  '-108': 'Phone number invalid',
  '-109': 'Template ID invalid',
  '-111': 'Template data empty',
  '-112': 'Template data invalid',
  '-1121': 'Parameter data exceeds max length',
  '-1122': 'Template data missing parameter',
  '-1124': 'Parameter has invalid format',
  '-131': 'Template not approved',
};

/** tracking_id is at most 48 characters (second-hand: integration notes quoting developers.zalo.me). */
export const MAX_TRACKING_ID = 48;

export type ZnsVerdict = { error: number; message: string } | { phone: string; content: string; trackingId: string };

const refuse = (code: string, detail?: string) => ({
  error: Number(code),
  message: detail ? `${ZNS_MESSAGES[code]}: ${detail}` : ZNS_MESSAGES[code],
});

/** template_data against the approved template's params: exactly its keys, string values within the lengths. */
function templateDataProblem(data: unknown, params: ZnsParamSpec[]) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return refuse('-111');
  const given = data as Record<string, unknown>;
  const unknown = Object.keys(given).find((k) => !params.some((p) => p.name === k));
  if (unknown !== undefined) return refuse('-112', `"${unknown}" is not a parameter of this template`);
  for (const p of params) {
    const v = given[p.name];
    if (v === undefined || v === null) {
      if (p.require ?? true) return refuse('-1122', p.name);
      continue;
    }
    if (typeof v !== 'string') return refuse('-1124', `${p.name} must be a string`);
    if (v === '' && !(p.acceptNull ?? false)) return refuse('-1122', `${p.name} is empty`);
    if (v.length > p.maxLength) return refuse('-1121', `${p.name} (${v.length} > ${p.maxLength})`);
    if (v !== '' && v.length < (p.minLength ?? 0)) return refuse('-1124', `${p.name} shorter than ${p.minLength}`);
  }
  return null;
}

/** What Zalo checks in a /message/template body (after the access token), in order. */
export function znsVerdict(b: Record<string, unknown>, cfg: SimConfig): ZnsVerdict {
  const phone = typeof b.phone === 'string' ? canonicalPhone(b.phone) : null;
  if (!phone) return refuse('-108');
  const id = typeof b.template_id === 'string' || typeof b.template_id === 'number' ? String(b.template_id) : '';
  const tpl = id ? cfg.registry.znsTemplates[id] : undefined;
  if (!tpl) return refuse('-109');
  if (tpl.status !== 'ENABLE') return refuse('-131', `status ${tpl.status}`);
  const bad = templateDataProblem(b.template_data, tpl.params);
  if (bad) return bad;
  if (b.tracking_id !== undefined && (typeof b.tracking_id !== 'string' || b.tracking_id.length > MAX_TRACKING_ID))
    return refuse('-107', `tracking_id must be a string of at most ${MAX_TRACKING_ID} characters`);
  if (b.mode !== undefined && b.mode !== 'development') return refuse('-106', 'mode must be "development" when given');
  // "Same content" for ZNS: same template and the same parameters.
  return { phone, content: `${id}:${JSON.stringify(b.template_data)}`, trackingId: (b.tracking_id as string) ?? '' };
}
