import { Carrier } from '@loa/channels';

/** Current 10-digit prefixes (reference/carriers.md): the simulator's view of "which network is this". */
const PREFIXES: Record<Carrier, string[]> = {
  viettel: ['32', '33', '34', '35', '36', '37', '38', '39', '86', '96', '97', '98'],
  vinaphone: ['81', '82', '83', '84', '85', '88', '91', '94'],
  mobifone: ['70', '76', '77', '78', '79', '89', '90', '93'],
  vietnamobile: ['52', '56', '58', '92'],
  gmobile: ['59', '99'],
  itel: ['87'],
};

const BY_PREFIX = new Map<string, Carrier>(
  Object.entries(PREFIXES).flatMap(([c, ps]) => ps.map((p) => [p, c as Carrier] as const)),
);

/** eSMS telcoid per carrier. */
export const TELCO_ID: Record<Carrier, string> = {
  viettel: '1',
  mobifone: '2',
  vinaphone: '3',
  vietnamobile: '4',
  gmobile: '5',
  itel: '6',
};

/** The real network of a canonical 84… number: the ported-numbers map first, then the prefix. */
export function networkOf(phone: string, ported: Record<string, Carrier>): Carrier | undefined {
  return ported[phone] ?? BY_PREFIX.get(phone.slice(2, 4));
}
