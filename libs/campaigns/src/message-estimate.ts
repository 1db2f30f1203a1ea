import { estimateLongestSms } from '@loa/templates';

export interface SmsSizeEstimate {
  segments: number;
  encoding: string;
  characters: number;
  warnings: string[];
}

/**
 * Segments of the longest rendering of an SMS template: what the most expensive recipient costs. The one place
 * campaigns call the templates' estimate, so a change of that contract touches only this file.
 */
export function longestSmsSize(
  body: string,
  unaccented: boolean,
  ctx: { publicBaseUrl: string; linkCodeLength: number; longestUnitName?: string },
): SmsSizeEstimate {
  const e = estimateLongestSms(body, unaccented, ctx);
  return { segments: e.segments, encoding: e.encoding, characters: e.characters, warnings: e.warnings };
}
