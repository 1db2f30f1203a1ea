/**
 * Vietnamese → plain ASCII for "không dấu" SMS, so a message stays in GSM-7 (160 characters a segment instead of 70).
 *
 * NFD splits every precomposed letter into its base letter plus combining marks (tones ◌̀ ◌́ ◌̉ ◌̃ ◌̣ and vowel marks
 * ◌̂ ◌̆ ◌̛), so one pass removing U+0300–U+036F covers precomposed (NFC) and already-decomposed (NFD) input alike.
 * đ/Đ are letters of their own (no decomposition) and are mapped explicitly. So are the smart characters of text
 * pasted from Word, a web page or a chat (SMART_CHARACTERS): any one of them would otherwise force the whole message
 * into UCS-2.
 */
export const SMART_CHARACTERS: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'D',
  // Spaces: tab, no-break, the typographic widths (en, em, thin, hair…), narrow no-break, ideographic; line separators.
  '\t': ' ',
  '\u00a0': ' ',
  '\u2000': ' ',
  '\u2001': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u205f': ' ',
  '\u3000': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
  // Invisible: zero-width space / non-joiner / joiner, word joiner, byte-order mark, soft hyphen: dropped.
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u00ad': '',
  // Quotes: curly, low, reversed, primes, guillemets; the grave and acute accents typed as apostrophes.
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u2039': "'",
  '\u203a': "'",
  '`': "'",
  '\u00b4': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  // Dashes and bullets: hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus; •, ‣, ◦, ·.
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2022': '-',
  '\u2023': '-',
  '\u25e6': '-',
  '\u00b7': '-',
  // Ellipsis; the đồng sign, written "d" like the đ of "đồng" itself.
  '\u2026': '...',
  '\u20ab': 'd',
};
const SMART_RE = new RegExp(`[${Object.keys(SMART_CHARACTERS).join('')}]`, 'g');

export function unaccent(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(SMART_RE, (c) => SMART_CHARACTERS[c])
    .normalize('NFC');
}
