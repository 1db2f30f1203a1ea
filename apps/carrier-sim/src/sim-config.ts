import { Carrier } from '@loa/channels';
import { emptyRegistry, registryProblems, SimRegistry } from './registry/sim-registry';

export type SimName = 'viettel' | 'vnpt' | 'esms' | 'zalo';

/** What the simulator does to a send it decided to fail (`failure.rate` of them, chosen at random). */
export type FailureMode =
  /** HTTP 503. */
  | '503'
  /** Never answers (or answers 503 after `hangMs`): the message was NOT taken. */
  | 'timeout'
  /** Takes the message (recorded, report sent) but never answers, or answers after `hangMs`. */
  | 'accept-timeout'
  /** Answers with the protocol's own failure `code` (e.g. CONTENT_NOT_MATCH_TEMPLATE, 103, -118). */
  | 'code';

export interface SimConfig {
  /** Requests allowed in any sliding 1000 ms; 0 = unlimited. */
  rate: number;
  latencyMs: number;
  jitterMs: number;
  failure: { rate: number; mode: FailureMode; code: string; hangMs: number };
  /** Phone → protocol failure code, answered every time (deterministic failures for tests). */
  phoneCodes: Record<string, string>;
  /** Ported numbers: phone (84…) → the carrier it really is on (eSMS reports it as telcoid). */
  portedNumbers: Record<string, Carrier>;
  dlr: {
    enabled: boolean;
    delayMs: number;
    /** Share of reports that say "failed". */
    failRate: number;
    /** Attempts per report while our webhook answers non-2xx or is unreachable (eSMS: 5). */
    maxAttempts: number;
    retryDelayMs: number;
    /** Send every report twice. */
    duplicate: boolean;
    /** Send the report before answering the send (out-of-order arrival). */
    beforeAnswer: boolean;
    /** Zalo: also send user_seen_message after the received event. */
    seen: boolean;
  };
  /** Where carrier-style reports go (Viettel, VNPT, Zalo); eSMS uses each message's CallbackUrl. */
  webhookUrl: string;
  /** The credentials the simulator checks (keys as in the gateway's `credentials`). */
  credentials: Record<string, string>;
  /** Brandnames, content patterns and templates registered with the gateway (registry/sim-registry.ts). */
  registry: SimRegistry;
  zalo: {
    /** Phones whose last digit is in this list have no Zalo account (-118). */
    noAccountLastDigits: string[];
    noAccountPhones: string[];
    /** Remaining daily quota; null = unlimited. Exhausted → -144. */
    quotaRemaining: number | null;
    dailyQuota: number;
    /** -133 for sends between 22:00 and 06:00 Vietnam time ('on'), always ('always') or never ('off'). */
    night: 'off' | 'on' | 'always';
    tokenTtlSec: number;
    /** Refresh tokens valid once without having been issued here (the configured initial one). */
    seedRefreshTokens: string[];
    /** Accept once any refresh token this process never saw (after a simulator restart); demo only. */
    lenientRefresh: boolean;
  };
}

export type SimConfigPatch = Partial<Omit<SimConfig, 'failure' | 'dlr' | 'zalo' | 'registry'>> & {
  failure?: Partial<SimConfig['failure']>;
  dlr?: Partial<SimConfig['dlr']>;
  zalo?: Partial<SimConfig['zalo']>;
  /** Each section given replaces that section (registerAtSimulators merges for you). */
  registry?: Partial<SimRegistry>;
};

export function defaultSimConfig(): SimConfig {
  return {
    rate: 0,
    latencyMs: 0,
    jitterMs: 0,
    failure: { rate: 0, mode: '503', code: '', hangMs: 0 },
    phoneCodes: {},
    portedNumbers: {},
    dlr: {
      enabled: true,
      delayMs: 200,
      failRate: 0,
      maxAttempts: 5,
      retryDelayMs: 1000,
      duplicate: false,
      beforeAnswer: false,
      seen: false,
    },
    webhookUrl: '',
    credentials: {},
    registry: emptyRegistry(),
    zalo: {
      noAccountLastDigits: [],
      noAccountPhones: [],
      quotaRemaining: null,
      dailyQuota: 500_000,
      night: 'off',
      tokenTtlSec: 90_000,
      seedRefreshTokens: [],
      lenientRefresh: false,
    },
  };
}

const NESTED = ['failure', 'dlr', 'zalo', 'registry'] as const;
const STRING_MAPS = ['credentials', 'phoneCodes', 'portedNumbers'];

/** Applies a patch: top-level keys replaced, the failure/dlr/zalo/registry sections merged key by key. */
export function applyPatch(cfg: SimConfig, patch: SimConfigPatch): SimConfig {
  const next = { ...cfg, ...patch } as SimConfig;
  for (const k of NESTED) if (patch[k]) (next as unknown as Record<string, unknown>)[k] = { ...cfg[k], ...patch[k] };
  return next;
}

/** Refuses a control-API patch with unknown keys or wrong types, naming the problem. */
export function validatePatch(patch: unknown): string[] {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return ['body must be a JSON object'];
  const base = defaultSimConfig() as unknown as Record<string, unknown>;
  const problems: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in base)) problems.push(`unknown key "${k}"`);
    else if (k === 'registry') problems.push(...registryProblems(v));
    else if ((NESTED as readonly string[]).includes(k)) {
      if (!v || typeof v !== 'object') problems.push(`"${k}" must be an object`);
      else
        for (const [kk, vv] of Object.entries(v)) {
          const ref = (base[k] as Record<string, unknown>)[kk];
          if (!(kk in (base[k] as object))) problems.push(`unknown key "${k}.${kk}"`);
          else if (ref !== null && vv !== null && typeof ref !== typeof vv)
            problems.push(`"${k}.${kk}" must be ${typeof ref}`);
        }
    } else if (typeof base[k] !== typeof v || v === null) problems.push(`"${k}" must be ${typeof base[k]}`);
    else if (STRING_MAPS.includes(k) && Object.values(v as object).some((x) => typeof x !== 'string'))
      problems.push(`"${k}" must map to strings`);
  }
  return problems;
}
