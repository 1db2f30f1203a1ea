import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@loa/core';

/** A unique name per test file run: test files run in parallel and concurrently with other developers' runs. */
export function uniqueName(prefix = 'loa_test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/**
 * The app's real configuration (defaults + LOA_* env) pointed at a private database and Redis prefix.
 * `patch` overrides anything else, e.g. gateway endpoints of simulators started on random ports.
 */
export function testConfig(dbName: string, patch: (cfg: AppConfig) => void = () => undefined): AppConfig {
  const base = loadConfig({ ...process.env, NODE_ENV: 'test', LOA_LOG_LEVEL: process.env.LOA_LOG_LEVEL ?? 'warn' });
  const url = new URL(base.database.url);
  url.pathname = `/${dbName}`;
  const cfg: AppConfig = structuredClone(base);
  cfg.database.url = url.toString();
  cfg.database.poolSize = 5;
  cfg.redis.prefix = dbName;
  cfg.api.port = 0;
  patch(cfg);
  return cfg;
}
