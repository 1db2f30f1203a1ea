import { templateBodyProblems } from './render';
import { REGISTRATION_KINDS, RegistrationGateway, SLOT_RE } from './registration-check';

/** A problem list per field, as the house's 400 carries it (`registrations.vnpt.params.2`). */
export type FieldProblems = { field: string; problems: string[] }[];

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_TEXT = 2000;
const CONTENT_KEYS = ['content'];
const PARAM_KEYS = ['templateId', 'labelId', 'text', 'params'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Problems with a template's `registrations` (empty = valid), each naming its field: keys must be configured SMS
 * gateways, each value in the shape its protocol registers (content for Viettel/eSMS; template id, text and params
 * for VNPT), registered text non-empty with slots {1}..{n} each once and without gaps, and VNPT params covering
 * exactly the text's slots, each a valid Loa template expression. Only SMS templates carry registrations.
 */
export function registrationFieldProblems(
  value: unknown,
  channel: 'sms' | 'zns',
  gateways: readonly RegistrationGateway[],
): FieldProblems {
  const out: FieldProblems = [];
  const add = (field: string, problems: string[]) => problems.length && out.push({ field, problems });
  if (!isRecord(value)) {
    add('registrations', ['must be an object: gateway id → registration']);
    return out;
  }
  if (channel !== 'sms') {
    if (Object.keys(value).length) {
      add('registrations', ['only SMS templates are registered at SMS gateways (Zalo uses znsTemplateId)']);
    }
    return out;
  }
  const sms = gateways.filter((g) => REGISTRATION_KINDS[g.protocol]);
  for (const [id, reg] of Object.entries(value)) {
    const field = `registrations.${id}`;
    const gw = sms.find((g) => g.id === id);
    if (!gw) {
      add(field, [`unknown SMS gateway "${id}"; configured: ${sms.map((g) => g.id).join(', ') || 'none'}`]);
      continue;
    }
    const kind = REGISTRATION_KINDS[gw.protocol];
    const keys = kind === 'params' ? PARAM_KEYS : CONTENT_KEYS;
    if (!isRecord(reg)) {
      add(field, [`must be an object with ${keys.join(', ')} (${gw.protocol})`]);
      continue;
    }
    const unknown = Object.keys(reg).filter((k) => !keys.includes(k));
    if (unknown.length) {
      add(field, [
        `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: ${gw.protocol} registers ${keys.join(', ')}`,
      ]);
    }
    if (kind === 'content') {
      add(`${field}.content`, registeredTextProblems(reg.content).problems);
      continue;
    }
    if (typeof reg.templateId !== 'string' || !ID_RE.test(reg.templateId)) {
      add(`${field}.templateId`, ['must be the id the gateway issued: 1-64 letters, digits, _ or -']);
    }
    if (reg.labelId !== undefined && (typeof reg.labelId !== 'string' || !ID_RE.test(reg.labelId))) {
      add(`${field}.labelId`, ["must be 1-64 letters, digits, _ or - (or left out: the gateway's labelId)"]);
    }
    const text = registeredTextProblems(reg.text);
    add(`${field}.text`, text.problems);
    if (!isRecord(reg.params)) {
      add(`${field}.params`, ['must be an object: slot number → Loa template expression, e.g. {"1": "{{link}}"}']);
      continue;
    }
    if (text.problems.length) continue; // its slots are not known
    for (const n of text.slots) {
      if (!(String(n) in reg.params)) add(`${field}.params.${n}`, [`slot {${n}} of the text has no param`]);
    }
    for (const [n, expr] of Object.entries(reg.params)) {
      const f = `${field}.params.${n}`;
      if (!text.slots.includes(Number(n)) || String(Number(n)) !== n) add(f, [`the text has no slot {${n}}`]);
      else if (typeof expr !== 'string') add(f, ['must be a string: a Loa template expression like "{{link}}"']);
      else if (!expr.trim()) add(f, ['is empty']);
      else add(f, templateBodyProblems(expr));
    }
  }
  return out;
}

/** Registered text (content pattern or VNPT text): its problems, and its slot numbers when valid. */
export function registeredTextProblems(text: unknown): { problems: string[]; slots: number[] } {
  if (typeof text !== 'string' || !text.trim()) return { problems: ['must be non-empty text'], slots: [] };
  const problems: string[] = [];
  if (text.length > MAX_TEXT) problems.push(`is ${text.length} characters; at most ${MAX_TEXT}`);
  if (/\{\{|\}\}/.test(text)) {
    problems.push('uses {{…}}: registered text marks its variable parts {1}, {2}…, as the gateway holds it');
  }
  const raw = [...text.matchAll(SLOT_RE)].map((m) => m[1]);
  const bad = raw.filter((r) => !/^[1-9]\d*$/.test(r));
  if (bad.length) problems.push(`slots are numbered from {1}: ${bad.map((r) => `{${r}}`).join(', ')}`);
  const slots = raw.filter((r) => !bad.includes(r)).map(Number);
  const twice = [...new Set(slots.filter((n, i) => slots.indexOf(n) !== i))];
  if (twice.length)
    problems.push(`${twice.map((n) => `{${n}}`).join(', ')} appear${twice.length > 1 ? '' : 's'} more than once`);
  const max = Math.max(0, ...slots);
  const missing = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !slots.includes(n));
  if (missing.length) {
    problems.push(
      `slots must be numbered {1}..{${max}} without gaps: ${missing.map((n) => `{${n}}`).join(', ')} missing`,
    );
  }
  return { problems, slots: problems.length ? [] : [...slots].sort((a, b) => a - b) };
}
