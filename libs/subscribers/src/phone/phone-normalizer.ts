import { Carrier } from '@loa/core';
import { MOBILE_PREFIXES, OLD_PREFIXES } from './carrier-prefixes';

export type PhoneResult =
  | {
      ok: true;
      /** Canonical form 84XXXXXXXXX. */
      phone: string;
      /** First guess from the prefix table. */
      carrier: Carrier;
      /** True when an old 11-digit number was converted to its 10-digit form. */
      converted: boolean;
    }
  | { ok: false; reason: string };

const fail = (reason: string): PhoneResult => ({ ok: false, reason });

// Separators people and spreadsheets put inside numbers: spaces (incl. no-break), dots, dashes, parentheses.
const SEPARATORS = /[\s\u00a0.\-()/]/g;
const SCIENTIFIC = /^[+-]?\d+([.,]\d+)?e[+-]?\d+$/i;

/**
 * Turns a phone number in any shape real lists have into the canonical 84XXXXXXXXX form with a carrier guess, or
 * says (in words an operator understands) why it is not a Vietnamese mobile number.
 *
 * Accepted: +84 / 84 / 0084 / 0 prefixes or none (9 digits), separators, full-width digits, surrounding
 * whitespace or quotes, Excel's leading apostrophe, and old 11-digit numbers (converted per carriers.md).
 */
export function normalizePhone(input: unknown): PhoneResult {
  if (typeof input === 'string') {
    const quick = plainMobile(input);
    if (quick) return quick;
  }
  if (input === null || input === undefined) return fail('empty phone number');
  // NFKC folds full-width digits and "＋" to ASCII.
  let s = String(input).normalize('NFKC').trim();
  s = s.replace(/^['"`]+|['"`]+$/g, '').trim(); // Excel's text marker (') and stray quotes
  if (!s) return fail('empty phone number');
  if (SCIENTIFIC.test(s.replace(/\s/g, ''))) {
    return fail(
      `"${s}" is in scientific notation (Excel shortened the number, digits are lost): format the column as Text and export again`,
    );
  }
  s = s.replace(SEPARATORS, '');
  const plus = s.startsWith('+');
  if (plus) s = s.slice(1);
  if (!/^\d+$/.test(s)) return fail(`"${String(input).trim()}" contains characters other than digits and separators`);

  let nsn: string; // national significant number: without country code and trunk 0
  if (plus) {
    if (!s.startsWith('84')) return fail(`foreign number (country code +${s.slice(0, 3)}…), not Vietnamese`);
    nsn = s.slice(2);
  } else if (s.startsWith('00')) {
    if (!s.startsWith('0084')) return fail(`foreign number (international prefix 00${s.slice(2, 5)}…), not Vietnamese`);
    nsn = s.slice(4);
  } else if (s.startsWith('0')) {
    nsn = s.slice(1);
  } else if (s.startsWith('84') && (s.length === 11 || (s.length === 12 && (s[2] === '1' || s[2] === '0')))) {
    // 84 + 9 digits (or 84 + an old 10-digit number). A bare 9-digit 84xxxxxxx is a VinaPhone number without its 0.
    nsn = s.slice(2);
  } else {
    nsn = s;
  }
  // "+84 (0) 912 …": a trunk 0 kept after the country code.
  if (nsn.startsWith('0') && s.length - nsn.length >= 2 && (nsn.length === 10 || nsn.length === 11)) nsn = nsn.slice(1);
  if (nsn.startsWith('0')) return fail(`malformed number "${String(input).trim()}" (a 0 after the prefix)`);
  if (nsn.startsWith('2')) {
    // Hà Nội (024) and Hồ Chí Minh City (028) have 3-digit area codes, the provinces 4 (02xx).
    const area = /^2[48]/.test(nsn) ? nsn.slice(0, 2) : nsn.slice(0, 3);
    return fail(`landline (area code 0${area}), not a mobile number`);
  }

  let converted = false;
  if (nsn.startsWith('1') && nsn.length === 10) {
    const next = OLD_PREFIXES[nsn.slice(0, 3)];
    if (!next) return fail(`old 11-digit prefix 0${nsn.slice(0, 3)} has no mobile 10-digit equivalent`);
    nsn = next + nsn.slice(3);
    converted = true;
  }
  if (nsn.length !== 9)
    return fail(lengthProblem(nsn.length < 9 ? 'short' : 'long', s.length - nsn.length, nsn.length));
  const carrier = MOBILE_PREFIXES[nsn.slice(0, 2)];
  if (!carrier) return fail(`unknown mobile prefix 0${nsn.slice(0, 2)}`);
  return { ok: true, phone: `84${nsn}`, carrier, converted };
}

/**
 * "too short/long" counting the digits as they were written: after the prefix written (0, 84, +84, 0084), or all of
 * them when there was none; a mobile number has 9 after its prefix.
 */
function lengthProblem(kind: 'short' | 'long', prefixDigits: number, nsnDigits: number): string {
  if (prefixDigits === 1) return `too ${kind}: ${nsnDigits + 1} digits with the leading 0, a mobile number has 10`;
  if (prefixDigits > 1) return `too ${kind}: ${nsnDigits} digits after the country code 84, a mobile number has 9`;
  return `too ${kind}: ${nsnDigits} digits, a mobile number has 9 after its leading 0 (10 in all)`;
}

/**
 * Fast path for the shapes most rows have, digits only: `0XXXXXXXXX` or `84XXXXXXXXX` with a current mobile
 * prefix. Anything else (or any doubt) returns null and takes the general path, which gives the same answer.
 */
function plainMobile(s: string): PhoneResult | null {
  let from: number;
  if (s.length === 10 && s.charCodeAt(0) === 48) from = 1;
  else if (s.length === 11 && s.charCodeAt(0) === 56 && s.charCodeAt(1) === 52) from = 2;
  else return null;
  const first = s.charCodeAt(from);
  if (first < 51 || first > 57) return null; // 0, 1 (old numbers), 2 (landlines) need the general path
  for (let i = from + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const carrier = MOBILE_PREFIXES[s.slice(from, from + 2)];
  if (!carrier) return null;
  return { ok: true, phone: from === 1 ? `84${s.slice(1)}` : s, carrier, converted: false };
}

/** Canonical phone or throws with the reason: for single-number endpoints (opt-out, DNC, subscriber create). */
export function canonicalPhoneOrThrow(input: unknown, onError: (reason: string) => Error): string {
  const r = normalizePhone(input);
  if (!r.ok) throw onError(r.reason);
  return r.phone;
}
