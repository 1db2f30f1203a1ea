import { Carrier } from '@loa/channels';
import { slotGaps } from './slots';

/** A brandname is at most 11 characters (reference/carriers.md). */
export const MAX_BRANDNAME = 11;

const CARRIERS: readonly Carrier[] = ['viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'gmobile', 'itel'];

/** Zalo's template statuses (template info API); only ENABLE may be sent. */
export const ZNS_STATUSES = ['ENABLE', 'PENDING_REVIEW', 'REJECT', 'DISABLE'] as const;
export type ZnsTemplateStatus = (typeof ZNS_STATUSES)[number];

/** One parameter of an approved ZNS template, as Zalo's template info lists it (`listParams`). */
export interface ZnsParamSpec {
  name: string;
  maxLength: number;
  /** Default 0. */
  minLength?: number;
  /** Default true: the key must be in template_data. */
  require?: boolean;
  /** Default false: an empty value counts as missing. */
  acceptNull?: boolean;
}

/** Viettel ServiceID / eSMS Brandname: the content patterns registered for it (`{1}`… each ≥ 1 character). */
export interface BrandnameRegistration {
  contents: string[];
  /** eSMS/Viettel: the networks the brandname is declared for; absent = every network. */
  networks?: Carrier[];
}

/** What is registered with the gateway: the simulator refuses what is not (as the real gateways do). */
export interface SimRegistry {
  /** Viettel, eSMS: brandname → registration. */
  brandnames: Record<string, BrandnameRegistration>;
  /** VNPT: TEMPLATEID → the label (brandname) it is registered under and its text with slots {1}..{n}. */
  vnptTemplates: Record<string, { labelId: string; text: string }>;
  /** Zalo: template_id → its approval status and parameters. */
  znsTemplates: Record<string, { status: ZnsTemplateStatus; params: ZnsParamSpec[] }>;
}

export const emptyRegistry = (): SimRegistry => ({ brandnames: {}, vnptTemplates: {}, znsTemplates: {} });

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function keys(v: Record<string, unknown>, allowed: string[], path: string, out: string[]): void {
  for (const k of Object.keys(v)) if (!allowed.includes(k)) out.push(`unknown key "${path}.${k}"`);
}

function brandnameProblems(name: string, v: unknown, path: string, out: string[]): void {
  if (name.length > MAX_BRANDNAME) out.push(`"${path}": a brandname is at most ${MAX_BRANDNAME} characters`);
  if (!isObject(v)) return void out.push(`"${path}" must be an object`);
  keys(v, ['contents', 'networks'], path, out);
  if (!Array.isArray(v.contents) || v.contents.some((c) => typeof c !== 'string' || !c))
    out.push(`"${path}.contents" must be an array of non-empty strings`);
  if (v.networks !== undefined && (!Array.isArray(v.networks) || v.networks.some((n) => !CARRIERS.includes(n))))
    out.push(`"${path}.networks" must be an array of ${CARRIERS.join('/')}`);
}

function vnptProblems(v: unknown, path: string, out: string[]): void {
  if (!isObject(v)) return void out.push(`"${path}" must be an object`);
  keys(v, ['labelId', 'text'], path, out);
  if (typeof v.labelId !== 'string' || !v.labelId) out.push(`"${path}.labelId" must be a non-empty string`);
  if (typeof v.text !== 'string' || !v.text) return void out.push(`"${path}.text" must be a non-empty string`);
  const gaps = slotGaps(v.text);
  if (gaps) out.push(`"${path}.text": ${gaps}`);
}

function paramProblems(p: unknown, path: string, out: string[]): void {
  if (!isObject(p)) return void out.push(`"${path}" must be an object`);
  keys(p, ['name', 'maxLength', 'minLength', 'require', 'acceptNull'], path, out);
  if (typeof p.name !== 'string' || !p.name) out.push(`"${path}.name" must be a non-empty string`);
  for (const k of ['maxLength', 'minLength'])
    if ((k === 'maxLength' || p[k] !== undefined) && !(Number.isInteger(p[k]) && (p[k] as number) >= 0))
      out.push(`"${path}.${k}" must be an integer ≥ 0`);
  for (const k of ['require', 'acceptNull'])
    if (p[k] !== undefined && typeof p[k] !== 'boolean') out.push(`"${path}.${k}" must be boolean`);
}

function znsProblems(v: unknown, path: string, out: string[]): void {
  if (!isObject(v)) return void out.push(`"${path}" must be an object`);
  keys(v, ['status', 'params'], path, out);
  if (!ZNS_STATUSES.includes(v.status as ZnsTemplateStatus))
    out.push(`"${path}.status" must be ${ZNS_STATUSES.join('/')}`);
  if (!Array.isArray(v.params)) return void out.push(`"${path}.params" must be an array`);
  v.params.forEach((p, i) => paramProblems(p, `${path}.params.${i}`, out));
}

/** Problems with a `registry` patch (unknown keys, wrong types, over-long brandnames, gapped slots). */
export function registryProblems(patch: unknown): string[] {
  const out: string[] = [];
  if (!isObject(patch)) return ['"registry" must be an object'];
  const sections: Record<keyof SimRegistry, (name: string, v: unknown, path: string) => void> = {
    brandnames: (name, v, path) => brandnameProblems(name, v, path, out),
    vnptTemplates: (_name, v, path) => vnptProblems(v, path, out),
    znsTemplates: (_name, v, path) => znsProblems(v, path, out),
  };
  for (const [section, value] of Object.entries(patch)) {
    const check = sections[section as keyof SimRegistry];
    if (!check) out.push(`unknown key "registry.${section}"`);
    else if (!isObject(value)) out.push(`"registry.${section}" must be an object`);
    else for (const [name, v] of Object.entries(value)) check(name, v, `registry.${section}.${name}`);
  }
  return out;
}
