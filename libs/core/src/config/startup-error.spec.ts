import { ConfigError } from './config.loader';
import { describeStartupError } from './startup-error';

const cfg = {
  database: { url: 'postgres://loa:hunter2@db.example:5433/loa', poolSize: 1, migrateOnStart: true },
  redis: { url: 'redis://127.0.0.1:6380', prefix: 'loa' },
};
const err = (code: string, port?: number) => Object.assign(new Error(`connect ${code}`), { code, port });

describe('describeStartupError', () => {
  it.each([
    [
      'PostgreSQL refused',
      err('ECONNREFUSED', 5433),
      'Cannot use PostgreSQL at postgres://loa:***@db.example:5433/loa (LOA_DATABASE_URL / database.url)',
    ],
    ['PostgreSQL host unknown', err('ENOTFOUND', 5433), '(LOA_DATABASE_URL / database.url)'],
    ['PostgreSQL password wrong', err('28P01'), '(LOA_DATABASE_URL / database.url)'],
    ['PostgreSQL database missing', err('3D000'), '(LOA_DATABASE_URL / database.url)'],
    [
      'Redis refused',
      err('ECONNREFUSED', 6380),
      'Cannot reach Redis at redis://127.0.0.1:6380 (LOA_REDIS_URL / redis.url)',
    ],
  ])('%s names the setting', (_what, e, expected) => {
    expect(describeStartupError(e, cfg)).toContain(expected);
    expect(describeStartupError(e, cfg)).not.toContain('hunter2');
  });

  it('prints a configuration problem as is, and anything else with its stack', () => {
    expect(describeStartupError(new ConfigError('Invalid configuration: x'), cfg)).toBe('Invalid configuration: x');
    expect(describeStartupError(err('EACCES', 1), cfg)).toMatch(/^Error: connect EACCES/);
  });
});
