import { findPlaceholders, renderTemplate, templateBodyProblems, TemplateVars } from './render';

/** Zalo caps a ZNS template's content at 400 characters. */
export const ZNS_CONTENT_LIMIT = 400;

/**
 * ZNS param name (as registered with Zalo) → what to put in it: a template string using our placeholders, usually
 * just one ("{{name|ban}}", "{{link}}"), possibly with literal text around it.
 */
export type ZnsParamMapping = Record<string, string>;

const ZNS_PARAM_NAME = /^[A-Za-z0-9_]{1,50}$/;

/** Problems with a mapping, each naming the param (empty when valid). */
export function znsMappingProblems(mapping: ZnsParamMapping): string[] {
  const problems: string[] = [];
  const entries = Object.entries(mapping);
  if (!entries.length) problems.push('needs at least one param');
  for (const [param, value] of entries) {
    if (!ZNS_PARAM_NAME.test(param)) problems.push(`param "${param}": name must be 1-50 letters, digits or _`);
    if (typeof value !== 'string') {
      problems.push(`param "${param}": value must be a string`);
      continue;
    }
    for (const p of templateBodyProblems(value)) problems.push(`param "${param}": ${p}`);
    if (!value.trim()) problems.push(`param "${param}": value is empty`);
  }
  return problems;
}

/** The `template_data` object of a ZNS send. Values keep their diacritics: Zalo is Unicode. */
export function renderZnsParams(mapping: ZnsParamMapping, vars: TemplateVars): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [param, value] of Object.entries(mapping)) out[param] = renderTemplate(value, vars, { unaccented: false });
  return out;
}

/** Placeholder names used anywhere in the mapping. */
export function znsPlaceholders(mapping: ZnsParamMapping): string[] {
  return [...new Set(Object.values(mapping).flatMap((v) => findPlaceholders(v).map((p) => p.name)))];
}
