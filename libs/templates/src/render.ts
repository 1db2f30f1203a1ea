import { unaccent } from './unaccent';

/**
 * The placeholders a template may use. `{{name}}` renders the value, or empty when it is missing;
 * `{{name|ban}}` renders "ban" when it is missing (a per-use fallback, e.g. "Chao {{name|ban}}").
 * `link` is the full tracked link (`<publicBaseUrl>/r/<code>`); `link_code` is the bare code, for a ZNS CTA button
 * whose URL is registered with Zalo as `<publicBaseUrl>/r/<link_code>` (links inside ZNS text are not clickable).
 */
export const TEMPLATE_PLACEHOLDERS = ['name', 'unit', 'link', 'link_code', 'brandname', 'phone_last4'] as const;
export type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateVars = Partial<Record<Placeholder, string | null | undefined>>;

export interface RenderOptions {
  /** Strip Vietnamese diacritics from the whole result (body and values), to stay in GSM-7. */
  unaccented: boolean;
}

export interface PlaceholderUse {
  /** The whole match, e.g. "{{ name | ban }}". */
  raw: string;
  name: string;
  fallback: string | null;
}

/** `{{ name }}` or `{{ name | fallback }}`; the fallback may not contain braces or a pipe. */
const PLACEHOLDER_RE = /\{\{\s*([A-Za-z0-9_]+)\s*(?:\|([^{}|]*))?\}\}/g;

export class TemplateError extends Error {}

export function findPlaceholders(body: string): PlaceholderUse[] {
  return [...body.matchAll(PLACEHOLDER_RE)].map((m) => ({
    raw: m[0],
    name: m[1],
    fallback: m[2] === undefined ? null : m[2].trim(),
  }));
}

export const isKnownPlaceholder = (name: string): name is Placeholder =>
  (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * Problems with a template body, each a sentence naming the problem (empty when valid): unknown placeholders,
 * and braces that do not form a placeholder (a typo like "{{link}" would otherwise be sent verbatim).
 */
export function templateBodyProblems(body: string): string[] {
  const problems: string[] = [];
  const unknown = [...new Set(findPlaceholders(body).map((p) => p.name))].filter((n) => !isKnownPlaceholder(n));
  if (unknown.length) {
    problems.push(
      `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{{${n}}}`).join(', ')}; ` +
        `supported: ${TEMPLATE_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ')}`,
    );
  }
  const stray = body.replace(PLACEHOLDER_RE, '');
  if (/\{\{|\}\}/.test(stray)) problems.push('has "{{" or "}}" that is not a complete placeholder like {{name}}');
  return problems;
}

/**
 * Fills a template. Missing values render as the placeholder's fallback, or empty; the result is NFC-normalised
 * (decomposed input would cost extra UCS-2 code units) and unaccented when asked. An unknown placeholder throws:
 * templates are validated when saved, so meeting one here is a bug worth failing loudly on.
 */
export function renderTemplate(body: string, vars: TemplateVars, opts: RenderOptions): string {
  return renderWith(body, varsFill(vars), opts);
}

/** What each placeholder use renders as: a person's values (`varsFill`) or the longest samples (estimate.ts). */
export type PlaceholderFill = (use: PlaceholderUse) => string;

/** A person's values, else the use's fallback, else empty; an unknown placeholder throws `TemplateError`. */
export function varsFill(vars: TemplateVars): PlaceholderFill {
  return (use) => {
    if (!isKnownPlaceholder(use.name)) throw new TemplateError(`unknown placeholder {{${use.name}}}`);
    const v = vars[use.name];
    return v === null || v === undefined || v === '' ? (use.fallback ?? '') : v;
  };
}

/** `renderTemplate` with any fill: NFC, or unaccented when asked. */
export function renderWith(body: string, fill: PlaceholderFill, opts: RenderOptions): string {
  const out = fillPlaceholders(body, fill);
  return opts.unaccented ? unaccent(out) : out.normalize('NFC');
}

/** Replaces every placeholder use with what `fill` returns for it (no normalisation). */
export function fillPlaceholders(body: string, fill: (use: PlaceholderUse) => string): string {
  return body.replace(PLACEHOLDER_RE, (raw: string, name: string, fallback: string | undefined) =>
    fill({ raw, name, fallback: fallback === undefined ? null : fallback.trim() }),
  );
}

/** Last four digits of a phone number, for {{phone_last4}}. */
export function phoneLast4(phone: string): string {
  return phone.slice(-4);
}
