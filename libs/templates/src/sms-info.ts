/**
 * SMS encoding and segment count, as carriers bill it.
 *
 * GSM 03.38 7-bit: 160 septets in a single message, 153 per part once concatenated (the 6-octet UDH eats 7);
 * characters of the extension table take an escape septet too, so they count two, and an escape pair is never split
 * across parts. Anything outside the GSM alphabet switches the whole message to UCS-2: 70 UTF-16 code units, 67 per
 * part, never splitting a surrogate pair. Own implementation rather than `sms-segments-calculator` (see
 * docs/templates.md): that package counts UCS-2 "characters" as grapheme clusters, so decomposed (NFD) Vietnamese
 * reports fewer characters than the code units a carrier bills.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsInfo {
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  characters: number;
  segments: number;
  /** Capacity of one segment for this message: 160/153 (GSM-7) or 70/67 (UCS-2), single vs concatenated. */
  perSegment: number;
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export const GSM7_SINGLE = 160;
export const GSM7_MULTI = 153;
export const UCS2_SINGLE = 70;
export const UCS2_MULTI = 67;

/** True when every character of `text` is in the GSM 03.38 basic or extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  return true;
}

/** The characters that force UCS-2, each once, in order of appearance. */
export function nonGsmCharacters(text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) out.add(ch);
  return [...out];
}

/** The characters that are not one GSM-7 septet (outside the basic table: extension or UCS-2), each once. */
export function multiSeptetCharacters(text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) if (!BASIC.has(ch)) out.add(ch);
  return [...out];
}

/** Units per indivisible item: GSM-7 septets per character, or UTF-16 code units per code point. */
function units(text: string, encoding: SmsEncoding): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(encoding === 'GSM-7' ? (EXTENSION.has(ch) ? 2 : 1) : ch.length);
  return out;
}

/** Greedy fill of concatenated parts, never splitting an item. */
function countParts(items: number[], capacity: number): number {
  let parts = 1;
  let used = 0;
  for (const n of items) {
    if (used + n > capacity) {
      parts++;
      used = 0;
    }
    used += n;
  }
  return parts;
}

export function smsInfo(text: string): SmsInfo {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const items = units(text, encoding);
  const characters = items.reduce((a, b) => a + b, 0);
  const [single, multi] = encoding === 'GSM-7' ? [GSM7_SINGLE, GSM7_MULTI] : [UCS2_SINGLE, UCS2_MULTI];
  if (characters <= single) return { encoding, characters, segments: 1, perSegment: single };
  return { encoding, characters, segments: countParts(items, multi), perSegment: multi };
}
