import {
  fillPlaceholders,
  findPlaceholders,
  isKnownPlaceholder,
  Placeholder,
  PlaceholderFill,
  renderWith,
} from './render';
import { nonGsmCharacters, SmsInfo, smsInfo } from './sms-info';
import { ZNS_CONTENT_LIMIT, ZnsParamMapping } from './zns';

/**
 * Longest values that can be stored. Names: at most MAX_NAME_LENGTH characters, each unaccenting to one GSM-7 septet
 * (libs/subscribers refuses others at import and on save), so a 30-character name is the worst case in both modes.
 * The sample is accented on purpose: one "ễ" is enough to turn an accented message into UCS-2.
 */
export const MAX_NAME_LENGTH = 30;
const NAME_SAMPLE = 'Nguyễn Thị Phương Thảo Nguyệt Ánh'.slice(0, MAX_NAME_LENGTH);
/** Used when the database has no units yet; long for a Vietnamese commune/district name. */
export const DEFAULT_LONGEST_UNIT_NAME = 'Thị trấn Nông trường Trần Phú, huyện Văn Chấn';
/** Brandnames (alphanumeric sender ids) are at most 11 characters. */
export const MAX_BRANDNAME_LENGTH = 11;

export interface EstimateContext {
  /** `cfg.api.publicBaseUrl`: links are `<base>/r/<code>`. */
  publicBaseUrl: string;
  /** `cfg.links.codeLength`. */
  linkCodeLength: number;
  /** The longest unit name that can appear (longest in the database), or DEFAULT_LONGEST_UNIT_NAME. */
  longestUnitName?: string;
}

export interface SmsEstimate extends SmsInfo {
  /** The longest rendering itself, so an operator can see what was measured. */
  text: string;
  nonGsm: string[];
  warnings: string[];
}

/** The link a message carries: `<publicBaseUrl>/r/<code>`, code of `codeLength` characters. */
export function sampleLink(publicBaseUrl: string, codeLength: number): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/r/${'x'.repeat(codeLength)}`;
}

export function longestSamples(ctx: EstimateContext): Record<Placeholder, string> {
  return {
    name: NAME_SAMPLE,
    unit: ctx.longestUnitName || DEFAULT_LONGEST_UNIT_NAME,
    link: sampleLink(ctx.publicBaseUrl, ctx.linkCodeLength),
    link_code: 'x'.repeat(ctx.linkCodeLength),
    brandname: 'B'.repeat(MAX_BRANDNAME_LENGTH),
    phone_last4: '9999',
  };
}

/**
 * Renders the template with every placeholder at its longest and measures it: this is what the most expensive
 * recipient costs. "Longest" is judged on the message as sent, after unaccenting: for each use with a fallback, the
 * sample or the fallback, whichever makes the sent message cost more (segments, then UCS-2 over GSM-7, then
 * characters counted as billed) — an "…" that unaccents to "..." or a "€" that takes two septets weighs what it costs.
 */
export function estimateLongestSms(body: string, unaccented: boolean, ctx: EstimateContext): SmsEstimate {
  const samples = longestSamples(ctx);
  const uses = findPlaceholders(body);
  const useFallback = uses.map(() => false);
  const render = () => {
    let i = 0;
    return renderWith(
      body,
      (use) => {
        const sample = isKnownPlaceholder(use.name) ? samples[use.name] : '';
        return useFallback[i++] ? use.fallback! : sample;
      },
      { unaccented },
    );
  };
  let text = render();
  uses.forEach((use, i) => {
    if (use.fallback === null) return;
    useFallback[i] = true;
    const withFallback = render();
    if (costOf(withFallback) > costOf(text)) text = withFallback;
    else useFallback[i] = false;
  });
  return { text, ...smsInfo(text), nonGsm: nonGsmCharacters(text), warnings: smsWarnings(text, unaccented) };
}

/**
 * Each placeholder use at its longest as written (the longest sample, or the use's fallback when that is longer): the
 * "longest values" rendering that registrations are checked against.
 */
export function longestFill(ctx: EstimateContext): PlaceholderFill {
  const samples = longestSamples(ctx);
  return (use) => {
    const sample = isKnownPlaceholder(use.name) ? samples[use.name] : '';
    return (use.fallback ?? '').length > sample.length ? use.fallback! : sample;
  };
}

/** What a message costs, as one comparable number: segments first, then UCS-2 over GSM-7, then billed characters. */
function costOf(text: string): number {
  const info = smsInfo(text);
  return info.segments * 1e7 + (info.encoding === 'UCS-2' ? 1e6 : 0) + info.characters;
}

export interface ZnsEstimate {
  /** Longest content: the local copy of the template text if given, else the params' values together. */
  characters: number;
  limit: number;
  warnings: string[];
}

/** Zalo's 400-character cap, measured on the longest rendering. */
export function estimateLongestZns(mapping: ZnsParamMapping, body: string | null, ctx: EstimateContext): ZnsEstimate {
  const samples = longestSamples(ctx);
  const nfc = (s: string) => s.normalize('NFC');
  const fill = (s: string) =>
    nfc(
      fillPlaceholders(s, (use) => {
        const sample = isKnownPlaceholder(use.name) ? samples[use.name] : '';
        return nfc(use.fallback ?? '').length > nfc(sample).length ? use.fallback! : sample;
      }),
    );
  const characters = body ? fill(body).length : Object.values(mapping).reduce((n, v) => n + fill(v).length, 0);
  const warnings: string[] = [];
  if (characters > ZNS_CONTENT_LIMIT) {
    warnings.push(`the longest ZNS content is ${characters} characters; Zalo allows ${ZNS_CONTENT_LIMIT}`);
  }
  if (Object.values(mapping).some((v) => /\{\{\s*link\s*(\||\}\})/.test(v))) {
    warnings.push(
      'links inside ZNS params are not clickable; clicks are tracked only on CTA buttons (use {{link_code}})',
    );
  }
  return { characters, limit: ZNS_CONTENT_LIMIT, warnings };
}

export function smsWarnings(text: string, unaccented: boolean): string[] {
  const info = smsInfo(text);
  const warnings: string[] = [];
  if (info.segments > 1) {
    warnings.push(
      `WARNING: the longest message takes ${info.segments} ${info.encoding} segments (${info.characters} characters, ` +
        `${info.perSegment} per segment); carriers charge per segment, so every person costs ${info.segments}× ` +
        `a one-segment message. Shorten it to fit one segment.`,
    );
  }
  if (info.encoding === 'UCS-2') {
    const chars = nonGsmCharacters(text).slice(0, 10).join(' ');
    warnings.push(
      `UCS-2 (70 characters per segment instead of 160) because of: ${chars}.` +
        (unaccented ? '' : ' Set unaccented: true to send without diacritics ("khong dau").'),
    );
  }
  return warnings;
}
