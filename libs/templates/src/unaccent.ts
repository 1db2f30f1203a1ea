/**
 * Vietnamese → plain ASCII for "không dấu" SMS, so a message stays in GSM-7 (160 characters a segment instead of 70).
 *
 * NFD splits every precomposed letter into its base letter plus combining marks (tones ◌̀ ◌́ ◌̉ ◌̃ ◌̣ and vowel marks
 * ◌̂ ◌̆ ◌̛), so one pass removing U+0300–U+036F covers precomposed (NFC) and already-decomposed (NFD) input alike.
 * đ/Đ are letters of their own (no decomposition) and are mapped explicitly. Typographic punctuation common in
 * documents pasted from Word (curly quotes, dashes, ellipsis, non-breaking space) is mapped to its ASCII twin,
 * because any one of them would otherwise force the whole message into UCS-2.
 */
const EXTRA: Record<string, string> = {
  đ: 'd',
  Đ: 'D',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00a0': ' ',
};
const EXTRA_RE = new RegExp(`[${Object.keys(EXTRA).join('')}]`, 'g');

export function unaccent(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(EXTRA_RE, (c) => EXTRA[c])
    .normalize('NFC');
}
