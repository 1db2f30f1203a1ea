import { unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.loader';

describe('loadConfig', () => {
  it('loads the defaults', () => {
    const cfg = loadConfig({});
    expect(cfg.api.port).toBe(3000);
    expect(cfg.routes.viettel).toEqual(['viettel', 'esms']);
    expect(cfg.campaignDefaults.windowStart).toBe('07:00');
  });

  it('lets variables override the defaults, parsed to their types', () => {
    const cfg = loadConfig({ LOA_API_PORT: '8080', LOA_MIGRATE_ON_START: 'false', LOA_REDIS_PREFIX: 'x_1' });
    expect(cfg.api.port).toBe(8080);
    expect(cfg.database.migrateOnStart).toBe(false);
    expect(cfg.redis.prefix).toBe('x_1');
  });

  it.each([
    [{ LOA_API_PORT: 'eighty' }, 'LOA_API_PORT (api.port)'],
    [{ LOA_API_PORT: '70000' }, 'LOA_API_PORT (api.port)'],
    [{ LOA_DATABASE_URL: 'mysql://x' }, 'LOA_DATABASE_URL (database.url): must be a postgres:// URL'],
    [{ LOA_REDIS_URL: 'localhost:6379' }, 'LOA_REDIS_URL (redis.url): must be a redis:// URL'],
    [{ LOA_REDIS_PREFIX: 'a:b' }, 'LOA_REDIS_PREFIX (redis.prefix)'],
    [{ LOA_LOG_LEVEL: 'loud' }, 'LOA_LOG_LEVEL (log.level)'],
    [{ LOA_LINK_CODE_LENGTH: '4' }, 'LOA_LINK_CODE_LENGTH (links.codeLength)'],
    [{ LOA_FAKE_CLOCK: 'tomorrow' }, 'LOA_FAKE_CLOCK (fakeClock)'],
    [{ LOA_CONFIG_FILE: '/nonexistent.json' }, 'LOA_CONFIG_FILE: cannot read /nonexistent.json'],
  ])('refuses %j naming the variable', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it('refuses a misspelt variable, naming it', () => {
    expect(() => loadConfig({ LOA_API_PROT: '8080' })).toThrow('LOA_API_PROT: unknown variable');
  });

  const withFile = (content: object, env: NodeJS.ProcessEnv = {}) => {
    const file = join(tmpdir(), `loa-cfg-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(content));
    try {
      return () => loadConfig({ ...env, LOA_CONFIG_FILE: file });
    } finally {
      setTimeout(() => unlinkSync(file), 1000).unref();
    }
  };

  it.each([
    [{ api: { prot: 3000 } }, 'api: Unrecognized key: "prot"'],
    [{ gateways: [{ id: 'x', webhookAllowIPs: [] }] }, 'Unrecognized key: "webhookAllowIPs"'],
    [{ dispatch: { windowMarginMS: 5 } }, 'Unrecognized key: "windowMarginMS"'],
  ])('refuses an unknown key in a configuration file (%j), naming it', (content, expected) => {
    expect(withFile(content)).toThrow(expected);
  });

  it('refuses the repository’s default secrets when env is production, naming each', () => {
    const load = withFile({}, { NODE_ENV: 'production' });
    expect(load).toThrow("gateways.viettel.webhookSecret: still the repository's default secret");
    expect(load).toThrow("gateways.zalo.credentials.appSecret: still the repository's default secret");
    expect(() => loadConfig({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('lists every problem at once, and checks routes against gateways', () => {
    const file = join(tmpdir(), `loa-cfg-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ routes: { mobifone: 'nope' }, links: { codeLength: 2 } }));
    try {
      loadConfig({ LOA_CONFIG_FILE: file, LOA_API_PORT: '-1' });
      throw new Error('should have thrown');
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('LOA_API_PORT (api.port)');
      expect(msg).toContain('links.codeLength');
      expect(msg).toContain('routes.mobifone.0: unknown gateway "nope"');
    } finally {
      unlinkSync(file);
    }
  });

  it('has breaker defaults, and names a bad breaker setting or a failover route to a non-SMS gateway', () => {
    expect(loadConfig({}).dispatch.breaker).toEqual({
      enabled: true,
      windowMs: 20_000,
      minFailures: 10,
      failurePercent: 50,
      coolDownMs: 30_000,
      halfOpenProbes: 3,
    });
    const file = join(tmpdir(), `loa-cfg-breaker-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        dispatch: { breaker: { failurePercent: 0, windowMs: 50 } },
        routes: { viettel: ['viettel', 'zalo'] },
      }),
    );
    try {
      expect(() => loadConfig({ LOA_CONFIG_FILE: file })).toThrow(/dispatch\.breaker\.failurePercent/);
      expect(() => loadConfig({ LOA_CONFIG_FILE: file })).toThrow(/dispatch\.breaker\.windowMs/);
      expect(() => loadConfig({ LOA_CONFIG_FILE: file })).toThrow(
        'routes.viettel.1: gateway "zalo" is not an SMS gateway',
      );
    } finally {
      unlinkSync(file);
    }
  });
});
