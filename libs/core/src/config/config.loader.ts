import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, configSchema } from './config.schema';

/**
 * Environment variables that override `config/default.json`. The only place in Loa that reads process.env.
 * Each entry: variable → [path in the config, parser].
 */
export const ENV_OVERRIDES: Record<string, [string, (v: string) => unknown]> = {
  NODE_ENV: ['env', String],
  LOA_API_PORT: ['api.port', Number],
  LOA_PUBLIC_BASE_URL: ['api.publicBaseUrl', String],
  LOA_DATABASE_URL: ['database.url', String],
  LOA_DATABASE_POOL_SIZE: ['database.poolSize', Number],
  LOA_MIGRATE_ON_START: ['database.migrateOnStart', (v) => v === 'true' || v === '1'],
  LOA_REDIS_URL: ['redis.url', String],
  LOA_REDIS_PREFIX: ['redis.prefix', String],
  LOA_LOG_LEVEL: ['log.level', String],
  LOA_FAKE_CLOCK: ['fakeClock', String],
  LOA_LINK_CODE_LENGTH: ['links.codeLength', Number],
  LOA_SCHEDULER_INTERVAL_MS: ['worker.schedulerIntervalMs', Number],
};

/** Variables read elsewhere by the start scripts (scripts/start.sh, scripts/run-all.js), not configuration keys. */
const SCRIPT_VARIABLES = new Set(['LOA_CONFIG_FILE', 'LOA_SEED_DEMO', 'LOA_SIMULATORS', 'LOA_START_ADMIN_KEY']);

export class ConfigError extends Error {}

/** Every secret of config/default.json's gateways (webhook secrets and credential values that are secrets). */
function defaultSecrets(raw: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of (raw.gateways as Record<string, unknown>[] | undefined) ?? []) {
    const id = String(g.id);
    if (typeof g.webhookSecret === 'string') out.set(`gateways.${id}.webhookSecret`, g.webhookSecret);
    for (const [k, v] of Object.entries((g.credentials as Record<string, string>) ?? {})) {
      if (/secret|pass|key|token/i.test(k)) out.set(`gateways.${id}.credentials.${k}`, v);
    }
  }
  return out;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[keys[keys.length - 1]] = value;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
        ? deepMerge(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

function readJson(file: string, origin: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`${origin}: cannot read ${file}: ${(e as Error).message}`);
  }
}

/**
 * Loads config/default.json, then the JSON file named by LOA_CONFIG_FILE (e.g. real gateways), then the
 * LOA_* variables; validates once. A bad value throws a ConfigError naming the variable or the key.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = findRoot()): AppConfig {
  let raw = readJson(join(rootDir, 'config', 'default.json'), 'config/default.json');
  const shipped = defaultSecrets(raw);
  if (env.LOA_CONFIG_FILE) raw = deepMerge(raw, readJson(env.LOA_CONFIG_FILE, 'LOA_CONFIG_FILE'));
  // A misspelt variable (LOA_API_PROT) must not be silently ignored.
  const unknownVars = Object.keys(env).filter(
    (k) => k.startsWith('LOA_') && !(k in ENV_OVERRIDES) && !SCRIPT_VARIABLES.has(k),
  );
  const fromEnv = new Map<string, string>();
  for (const [name, [path, parse]] of Object.entries(ENV_OVERRIDES)) {
    const v = env[name];
    if (v === undefined || v === '') continue;
    setPath(raw, path, parse(v));
    fromEnv.set(path, name);
  }
  const parsed = configSchema.safeParse(raw);
  const problems = unknownVars.map(
    (k) => `  - ${k}: unknown variable (known: ${[...Object.keys(ENV_OVERRIDES), ...SCRIPT_VARIABLES].join(', ')})`,
  );
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = i.path.join('.');
      const origin = fromEnv.get(key);
      problems.push(`  - ${origin ? `${origin} (${key})` : key || '(root)'}: ${i.message}`);
    }
  } else if (parsed.data.env === 'production') {
    // The repository's demo secrets are public: production must bring its own.
    for (const g of parsed.data.gateways) {
      const own = new Map<string, string>([
        [`gateways.${g.id}.webhookSecret`, g.webhookSecret],
        ...Object.entries(g.credentials).map(([k, v]) => [`gateways.${g.id}.credentials.${k}`, v] as [string, string]),
      ]);
      for (const [key, value] of own) {
        if (shipped.get(key) === value)
          problems.push(`  - ${key}: still the repository's default secret (env is production)`);
      }
    }
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return parsed.data!;
}

/** The repository root: where config/default.json lives, from src (ts) or dist (js). */
export function findRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    try {
      readFileSync(join(dir, 'config', 'default.json'));
      return dir;
    } catch {
      dir = join(dir, '..');
    }
  }
  throw new ConfigError('config/default.json not found above ' + __dirname);
}
