import { fillPlaceholders, isKnownPlaceholder, Placeholder, PlaceholderFill, renderWith } from './render';
import { nonGsmCharacters, SmsInfo, smsInfo } from './sms-info';
import { ZNS_CONTENT_LIMIT, ZnsParamMapping } from './zns';

/** Longest plausible values. Names are accented on purpose: one "ễ" is enough to turn a message into UCS-2. */
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
 * Renders the template with every placeholder at its longest (the sample value or the use's fallback, whichever
 * is longer) and measures it: this is what the most expensive recipient costs.
 */
export function estimateLongestSms(body: string, unaccented: boolean, ctx: EstimateContext): SmsEstimate {
  const text = renderWith(body, longestFill(ctx), { unaccented });
  return { text, ...smsInfo(text), nonGsm: nonGsmCharacters(text), warnings: smsWarnings(text, unaccented) };
}

/** Each placeholder use at its longest: the longest sample, or the use's fallback when that is longer. */
export function longestFill(ctx: EstimateContext): PlaceholderFill {
  const samples = longestSamples(ctx);
  return (use) => {
    const sample = isKnownPlaceholder(use.name) ? samples[use.name] : '';
    return (use.fallback ?? '').length > sample.length ? use.fallback! : sample;
  };
}

export interface ZnsEstimate {
  /** Longest content: the local copy of the template text if given, else the params' values together. */
  characters: number;
  limit: number;
  warnings: string[];
}

/** Zalo's 400-character cap, measured on the longest rendering. */
export function estimateLongestZns(mapping: ZnsParamMapping, body: string | null, ctx: EstimateContext): ZnsEstimate {
  const longest = longestFill(ctx);
  const fill = (s: string) => fillPlaceholders(s, longest).normalize('NFC');
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
