import { Carrier } from '@loa/core';

/**
 * Mobile prefixes after the trunk "0" (national significant number starts with these two digits), exactly as in
 * /work/shared/reference/carriers.md. The prefix is only a first guess (number portability): overrides and delivery
 * reports correct it.
 */
export const MOBILE_PREFIXES: Readonly<Record<string, Carrier>> = {
  ...Object.fromEntries(
    ['32', '33', '34', '35', '36', '37', '38', '39', '86', '96', '97', '98'].map((p) => [p, 'viettel']),
  ),
  ...Object.fromEntries(['81', '82', '83', '84', '85', '88', '91', '94'].map((p) => [p, 'vinaphone'])),
  ...Object.fromEntries(['70', '76', '77', '78', '79', '89', '90', '93'].map((p) => [p, 'mobifone'])),
  ...Object.fromEntries(['52', '56', '58', '92'].map((p) => [p, 'vietnamobile'])),
  ...Object.fromEntries(['59', '99'].map((p) => [p, 'gmobile'])),
  '87': 'itel',
} as Record<string, Carrier>;

/**
 * The 11 → 10 digit conversion (15/9/2018 – 30/6/2019): old prefix (after the "0", three digits) → new prefix
 * (two digits). Old numbers still turn up in lists and are converted on import.
 */
export const OLD_PREFIXES: Readonly<Record<string, string>> = {
  // Viettel 0162–0169 → 032–039
  '162': '32',
  '163': '33',
  '164': '34',
  '165': '35',
  '166': '36',
  '167': '37',
  '168': '38',
  '169': '39',
  // MobiFone
  '120': '70',
  '121': '79',
  '122': '77',
  '126': '76',
  '128': '78',
  // VinaPhone
  '123': '83',
  '124': '84',
  '125': '85',
  '127': '81',
  '129': '82',
  // Vietnamobile
  '186': '56',
  '188': '58',
  // Gmobile
  '199': '59',
};
