import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { QueueName } from '@loa/core';
import { bullConnection, bullPrefix } from '@loa/delivery';
import { ApiHarness, startApi, waitFor } from '@loa/testing';
import { pointGatewaysAt, Simulators, startSimulators } from '../../apps/carrier-sim/src';
import { seedDispatchRun } from '../../libs/delivery/src/testing/seed-run';

const WORKER_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');
const RATES: Record<string, number> = { viettel: 100, vnpt: 100, esms: 100, zalo: 150 };

/**
 * A worker process is SIGKILLed mid-run and started again: every recipient still ends with exactly one accepted
 * message (in-doubt sends are resent with the same request id), none lost. Needs `npm run build` first.
 */
describe('fault: worker killed mid-run (e2e, child process)', () => {
  let sims: Simulators;
  let h: ApiHarness;
  let configFile: string;
  const children: ChildProcess[] = [];

  const startWorker = (): ChildProcess => {
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOA_DATABASE_URL: h.cfg.database.url,
        LOA_REDIS_URL: h.cfg.redis.url,
        LOA_REDIS_PREFIX: h.cfg.redis.prefix,
        LOA_CONFIG_FILE: configFile,
        LOA_MIGRATE_ON_START: 'false',
        LOA_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run "npm run build" first`);
    sims = await startSimulators({
      overrides: Object.fromEntries(
        (['viettel', 'vnpt', 'esms', 'zalo'] as const).map((n) => [
          n,
          { dlr: { enabled: false }, ...(n === 'zalo' ? { zalo: { noAccountLastDigits: ['7', '8', '9'] } } : {}) },
        ]),
      ),
    });
    h = await startApi((cfg) => {
      pointGatewaysAt(cfg, sims);
      for (const gw of cfg.gateways) gw.ratePerSecond = RATES[gw.id];
    });
    for (const s of sims.all) {
      const gw = h.cfg.gateways.find((g) => g.endpoint.startsWith(s.url))!;
      s.configure({ rate: gw.ratePerSecond, credentials: { oaSecretKey: gw.webhookSecret, ...gw.credentials } });
      if (s.name === 'zalo')
        s.configure({ zalo: { ...s.config().zalo, seedRefreshTokens: [gw.credentials.refreshToken] } });
    }
    configFile = join(mkdtempSync(join(tmpdir(), 'loa-fault-')), 'config.json');
    writeFileSync(configFile, JSON.stringify({ gateways: h.cfg.gateways, api: h.cfg.api, dispatch: h.cfg.dispatch }));
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await h?.close();
    await sims?.close();
  });

  it('loses nobody and sends nobody twice', async () => {
    const run = await seedDispatchRun(h.sql, { count: 3000, firstNumber: 1, channels: ['zns', 'sms'] });
    const sent = async () =>
      (await h.sql.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'sent'`)).rows[0].n as number;
    const first = startWorker();
    const dispatch = new Queue(QueueName.Dispatch, { connection: bullConnection(h.cfg), prefix: bullPrefix(h.cfg) });
    await dispatch.add('dispatch-run', { runId: run.runId });
    await dispatch.close();
    await waitFor('a third of the run to be sent', async () => (await sent()) >= 1000, 60_000, 100);
    const exited = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    await exited;
    const atKill = await sent();
    expect(atKill).toBeLessThan(3000);

    startWorker();
    await waitFor(
      'the run to complete after the restart',
      async () =>
        (await h.sql.query(`SELECT status FROM campaign_runs WHERE id = $1`, [run.runId])).rows[0].status ===
        'completed',
      120_000,
      500,
    );
    const byStatus = await h.sql.query(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status`);
    expect(byStatus.rows).toEqual([{ status: 'sent', n: 3000 }]);
    const twice = await h.sql.query(
      `SELECT delivery_id FROM messages WHERE status = 'sent' GROUP BY delivery_id HAVING count(*) > 1`,
    );
    expect(twice.rows).toEqual([]);
    const received = new Map<string, number>();
    for (const s of sims.all) for (const m of s.messages()) received.set(m.phone, (received.get(m.phone) ?? 0) + 1);
    expect(received.size).toBe(3000);
    const twiceAtSims = [...received].filter(([, n]) => n > 1).map(([phone]) => phone);
    const where = twiceAtSims.map((p) => sims.all.flatMap((s) => s.messages(p).map((m) => `${s.name}:${m.requestId}`)));
    expect(where).toEqual([]);
    for (const s of sims.all) {
      const st = s.stats();
      expect({ sim: s.name, throttled: st.throttled, dup: st.duplicates.requestId }).toEqual({
        sim: s.name,
        throttled: 0,
        dup: 0,
      });
    }
    const inDoubt = await h.sql.query(`SELECT count(*)::int AS n FROM messages WHERE attempts > 1`);
    process.stderr.write(
      `fault: ${atKill} sent at the kill; ${inDoubt.rows[0].n} messages needed more than one attempt\n`,
    );
  }, 240_000);
});
