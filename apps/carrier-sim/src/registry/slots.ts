/**
 * Registered texts with numbered slots `{1}`, `{2}`… — the simulator's own matching (deliberately independent of
 * Loa's template code: the simulator must not share the logic it tests).
 */
const SLOT = /\{(\d+)\}/g;

/** The distinct slot numbers a registered text uses, ascending. */
export function slotNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(SLOT)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/** VNPT numbers its parameters 1..n: a registered text must use exactly the slots 1..n (n ≥ 0). */
export function slotGaps(text: string): string | null {
  const nums = slotNumbers(text);
  const bad = nums.find((n, i) => n !== i + 1);
  return bad === undefined ? null : `slots must be numbered {1}..{${nums.length}} without gaps (found {${bad}})`;
}

const compiled = new Map<string, RegExp>();

/** A registered content pattern as an anchored regex: literal text exact, each slot one or more characters. */
function patternRegex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const literals = pattern.split(/\{\d+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`^${literals.join('[\\s\\S]+')}$`);
    compiled.set(pattern, re);
  }
  return re;
}

/** Does `content` match the registered pattern (slots standing for ≥ 1 character of any text)? */
export function matchesPattern(pattern: string, content: string): boolean {
  return patternRegex(pattern).test(content);
}

/** The registered text with each `{n}` replaced by `params.get(n)`. */
export function fillSlots(text: string, params: ReadonlyMap<number, string>): string {
  return text.replace(SLOT, (whole, n: string) => params.get(Number(n)) ?? whole);
}
