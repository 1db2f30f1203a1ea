/** What the adapters need of core's Clock (tests pass a fixed one). */
export interface NowSource {
  nowMs(): number;
}

export const SYSTEM_NOW: NowSource = { nowMs: () => Date.now() };
