import { GatewayConfig } from '@loa/core';
import { PlaceholderFill, renderWith } from './render';
import {
  GatewayRegistration,
  isParamTemplate,
  ParamTemplateRegistration,
  TemplateRegistrations,
} from './registrations';

/**
 * Does what a gateway would deliver equal what Loa renders? Pure, and exact: carriers compare the text they get with
 * the registered one character for character (case, spaces, punctuation, Unicode form — Loa sends NFC, so an NFD
 * copy of a registration does not match). docs/templates.md, "Registrations".
 */

export type GatewayProtocol = GatewayConfig['protocol'];
export type RegistrationGateway = Pick<GatewayConfig, 'id' | 'protocol'>;

/** What a protocol registers: a content pattern (checked by the carrier), a template with params, or nothing. */
export const REGISTRATION_KINDS: Record<GatewayProtocol, 'content' | 'params' | null> = {
  'viettel-soap': 'content',
  'esms-json': 'content',
  'vnpt-json': 'params',
  'zalo-zns': null,
};

const LABELS: Record<GatewayProtocol, string> = {
  'viettel-soap': 'Viettel',
  'vnpt-json': 'VNPT',
  'esms-json': 'eSMS',
  'zalo-zns': 'Zalo',
};

/** "VNPT (vnpt)": how problems name a gateway. */
export const gatewayLabel = (gw: RegistrationGateway): string => `${LABELS[gw.protocol]} (${gw.id})`;

/** `{1}`, `{2}`… in registered text; the number as written (validation refuses `{0}`, `{01}`). */
export const SLOT_RE = /\{(\d+)\}/g;

/** Registered text cut at its slots: `literals.length === slots.length + 1`. */
export function splitSlots(text: string): { literals: string[]; slots: number[] } {
  const literals: string[] = [];
  const slots: number[] = [];
  let last = 0;
  for (const m of text.matchAll(SLOT_RE)) {
    literals.push(text.slice(last, m.index));
    slots.push(Number(m[1]));
    last = m.index + m[0].length;
  }
  literals.push(text.slice(last));
  return { literals, slots };
}

/**
 * The slot values if `text` matches the registered content `pattern` (literal parts exactly, each slot at least one
 * character of any text), else null. Literal parts are placed leftmost (greedy), which finds a match whenever one
 * exists (placing one earlier only leaves more room for the rest), with no regex backtracking to blow up on long
 * input. A slot written twice matches independently (validation refuses repeated slots).
 */
export function matchContent(pattern: string, text: string): string[] | null {
  const { literals } = splitSlots(pattern);
  const first = literals[0];
  const lastLit = literals[literals.length - 1];
  if (literals.length === 1) return text === first ? [] : null;
  if (!text.startsWith(first)) return null;
  const values: string[] = [];
  let pos = first.length;
  for (let i = 1; i < literals.length - 1; i++) {
    const at = text.indexOf(literals[i], pos + 1);
    if (at < pos + 1) return null; // not found (-1), or an empty literal past the end
    values.push(text.slice(pos, at));
    pos = at + literals[i].length;
  }
  const tail = text.length - lastLit.length;
  if (tail < pos + 1 || !text.endsWith(lastLit)) return null;
  values.push(text.slice(pos, tail));
  return values;
}

/** Registered text with its slots filled: `values[0]` fills `{1}`. */
export function fillSlots(text: string, values: string[]): string {
  return text.replace(SLOT_RE, (raw, n: string) => values[Number(n) - 1] ?? raw);
}

/** The PARAMS of a VNPT send and the text the person receives (the registered text, filled). */
export interface ParamSend {
  params: string[];
  text: string;
}

/** Renders each slot's Loa expression like the body (same fill, unaccented if the template is). */
export function renderParamSend(reg: ParamTemplateRegistration, fill: PlaceholderFill, unaccented: boolean): ParamSend {
  const count = Math.max(0, ...splitSlots(reg.text).slots);
  const params = Array.from({ length: count }, (_, i) =>
    renderWith(reg.params[String(i + 1)] ?? '', fill, { unaccented }),
  );
  return { params, text: fillSlots(reg.text, params) };
}

/** One set of values to check a template with, named in problems ("sample", "longest"). */
export interface Rendering {
  what: string;
  fill: PlaceholderFill;
}

export interface RegisteredTemplate {
  /** How problems name it: "template 12". */
  label: string;
  body: string;
  unaccented: boolean;
  registrations: TemplateRegistrations;
}

/**
 * Problems (empty = fine) of sending `tpl` through `gw`, for each rendering: not registered, registered in the
 * wrong shape for the protocol, or a rendering the gateway would not deliver as Loa renders it. Stops at the first
 * failing rendering (the others would only repeat it). Gateways that register nothing (Zalo) have no problems.
 */
export function registrationProblems(
  gw: RegistrationGateway,
  tpl: RegisteredTemplate,
  renderings: Rendering[],
): string[] {
  const kind = REGISTRATION_KINDS[gw.protocol];
  if (!kind) return [];
  const name = gatewayLabel(gw);
  const reg: GatewayRegistration | undefined = tpl.registrations[gw.id];
  if (!reg) return [`${name}: ${tpl.label} is not registered`];
  if (kind === 'params' && !isParamTemplate(reg)) {
    return [`${name}: ${tpl.label} is registered as content; ${gw.protocol} needs a template id, text and params`];
  }
  if (kind === 'content' && (isParamTemplate(reg) || typeof reg.content !== 'string')) {
    return [`${name}: ${tpl.label} is registered as a template with params; ${gw.protocol} needs the content`];
  }
  for (const r of renderings) {
    const rendered = renderWith(tpl.body, r.fill, { unaccented: tpl.unaccented });
    const problems = isParamTemplate(reg)
      ? paramProblems(name, tpl, reg, r, rendered)
      : matchContent(reg.content, rendered)
        ? []
        : [`${name}: the ${r.what} rendering "${rendered}" does not match the registered content "${reg.content}"`];
    if (problems.length) return problems;
  }
  return [];
}

function paramProblems(
  name: string,
  tpl: RegisteredTemplate,
  reg: ParamTemplateRegistration,
  r: Rendering,
  rendered: string,
): string[] {
  const sent = renderParamSend(reg, r.fill, tpl.unaccented);
  const problems: string[] = [];
  if (sent.text !== rendered) {
    problems.push(
      `${name}: VNPT would send "${sent.text}" where ${tpl.label} renders "${rendered}" (${r.what} values)`,
    );
  }
  sent.params.forEach((p, i) => {
    if (!p) problems.push(`${name}: slot {${i + 1}} is empty with the ${r.what} values (a slot needs ≥ 1 character)`);
  });
  return problems;
}

/** Problems of `tpl` at every gateway in `gateways` (each once), in order. */
export function registrationProblemsAt(
  gateways: RegistrationGateway[],
  tpl: RegisteredTemplate,
  renderings: Rendering[],
): string[] {
  const seen = new Set<string>();
  return gateways.flatMap((gw) => {
    if (seen.has(gw.id)) return [];
    seen.add(gw.id);
    return registrationProblems(gw, tpl, renderings);
  });
}
