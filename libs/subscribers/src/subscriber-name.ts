import { MAX_NAME_LENGTH, multiSeptetCharacters, unaccent } from '@loa/templates';

export type NameResult = { ok: true; name: string | null } | { ok: false; reason: string };

/**
 * A subscriber's name as stored: NFC, whitespace runs (tabs, non-breaking spaces) folded to one space, trimmed; empty
 * is no name. Refused, with a reason an operator can act on, when it is longer than MAX_NAME_LENGTH characters or
 * has a character that unaccenting does not turn into one GSM-7 septet: {{name}} is then never longer, nor costlier,
 * than the templates' longest-rendering estimate assumes (docs/templates.md, docs/subscribers.md).
 */
export function cleanSubscriberName(raw: string | null | undefined): NameResult {
  const name = (raw ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!name) return { ok: true, name: null };
  if (name.length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      reason:
        `name "${name}" is ${name.length} characters; at most ${MAX_NAME_LENGTH} are kept, so that {{name}} ` +
        `fits the one-part estimate: shorten it or leave it empty`,
    };
  }
  const odd = multiSeptetCharacters(unaccent(name));
  if (odd.length) {
    return {
      ok: false,
      reason:
        `name "${name}" has ${odd.join(' ')}, which an unaccented SMS cannot carry as plain GSM-7 letters: ` +
        `write it in Vietnamese or Latin letters`,
    };
  }
  return { ok: true, name };
}
