/** GSM 03.38 default alphabet and its extension table (the characters a 7-bit SMS can carry). */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿' +
  'abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '^{}\\[~]|€\f';
const GSM7 = new Set([...BASIC, ...EXTENSION]);

/** True when every character of `text` is in GSM 7-bit (so it may be sent as unaccented / data coding 0). */
export const isGsm7 = (text: string): boolean => [...text].every((c) => GSM7.has(c));
