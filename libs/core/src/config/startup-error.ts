import { ConfigError } from './config.loader';
import type { AppConfig } from './config.schema';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

/** A URL fit for a message: no password. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

const portOf = (url: string, fallback: number): number => {
  try {
    return Number(new URL(url).port || fallback);
  } catch {
    return fallback;
  }
};

/**
 * What a process prints when it cannot start: a configuration problem as is, and a service it cannot reach named by
 * the setting that points at it (PostgreSQL: LOA_DATABASE_URL / database.url; Redis: LOA_REDIS_URL / redis.url),
 * instead of a bare stack trace.
 */
export function describeStartupError(e: unknown, cfg?: Pick<AppConfig, 'database' | 'redis'>): string {
  if (e instanceof ConfigError) return e.message;
  const err = e as { code?: string; port?: number; message?: string };
  const msg = err?.message ?? String(e);
  if (cfg) {
    const pgAuth = err?.code === '28P01' || err?.code === '28000' || err?.code === '3D000';
    if (pgAuth || (UNREACHABLE.has(err?.code ?? '') && err.port === portOf(cfg.database.url, 5432))) {
      return `Cannot use PostgreSQL at ${shown(cfg.database.url)} (LOA_DATABASE_URL / database.url): ${msg}`;
    }
    if (UNREACHABLE.has(err?.code ?? '') && err.port === portOf(cfg.redis.url, 6379)) {
      return `Cannot reach Redis at ${shown(cfg.redis.url)} (LOA_REDIS_URL / redis.url): ${msg}`;
    }
  }
  return e instanceof Error ? (e.stack ?? msg) : msg;
}
