import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@loa/core';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '@loa/testing';
import { createApiApp } from '../apps/api/src/bootstrap';
import { startTrackingWorker } from '../test/e2e/tracking.fixtures';

export interface BenchEnv {
  cfg: AppConfig;
  api: INestApplication;
  worker?: INestApplicationContext;
  sql: Client;
  url: string;
  close(): Promise<void>;
}

/** A real api (and optionally the tracking worker) on a fresh database, quiet logs. */
export async function benchEnv(withWorker: boolean): Promise<BenchEnv> {
  const cfg = testConfig(uniqueName('loa_bench'), (c) => {
    c.log.level = 'error';
    c.tracking = { ...c.tracking, reportSweepMs: 500, statsRollupMs: 60_000 };
  });
  await createTestDatabase(cfg);
  const api = await createApiApp(cfg);
  await api.listen(0, '127.0.0.1');
  const worker = withWorker ? await startTrackingWorker(cfg) : undefined;
  const sql = await sqlClient(cfg);
  const url = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    cfg,
    api,
    worker,
    sql,
    url,
    async close() {
      await sql.end();
      await worker?.close();
      await api.close();
      await dropTestDatabase(cfg);
    },
  };
}

/** One campaign, one run and `n` delivered-or-sent deliveries (link codes "b<i>"), with esms messages "SMS<i>". */
export async function seedRun(sql: Client, n: number): Promise<void> {
  await sql.query(`INSERT INTO segments (id, name, filter) VALUES (1, 'all', '{}')`);
  await sql.query(
    `INSERT INTO campaigns (id, name, segment_id, status, brandname, channels) VALUES (1, 'bench', 1, 'running', 'X', '["sms"]')`,
  );
  await sql.query(
    `INSERT INTO campaign_runs (id, campaign_id, fire_time, status, expires_at) VALUES (1, 1, now(), 'dispatching', now() + interval '12 hours')`,
  );
  await sql.query(
    `INSERT INTO subscribers (id, phone, carrier) SELECT i, '8496' || lpad(i::text, 7, '0'), 'viettel' FROM generate_series(1, $1) i`,
    [n],
  );
  await sql.query(
    `INSERT INTO deliveries (id, run_id, campaign_id, subscriber_id, phone, carrier, link_code, status, sent_at)
     SELECT i, 1, 1, i, '8496' || lpad(i::text, 7, '0'), 'viettel', 'bk' || lpad(i::text, 6, '0'), 'sent', now() FROM generate_series(1, $1) i`,
    [n],
  );
  await sql.query(
    `INSERT INTO messages (delivery_id, channel_index, channel, gateway_id, request_id, status, provider_message_id, sent_at)
     SELECT i, 0, 'sms', 'esms', 'loa-' || i || '-0', 'sent', 'SMS' || i, now() FROM generate_series(1, $1) i`,
    [n],
  );
}

/** Drives `total` requests through an undici Pool at `concurrency`; returns req/s and latency percentiles (ms). */
export async function drive(
  origin: string,
  total: number,
  concurrency: number,
  path: (i: number) => string,
  expectStatus: number,
): Promise<{ rps: number; p50: number; p99: number }> {
  const { Pool } = await import('undici');
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        const res = await pool.request({
          path: path(i),
          method: 'GET',
          headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 10)' },
        });
        await res.body.dump();
        if (res.statusCode !== expectStatus) throw new Error(`${path(i)} answered ${res.statusCode}`);
        lat.push(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  await pool.close();
  lat.sort((a, b) => a - b);
  const q = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] * 100) / 100;
  return { rps: Math.round(total / secs), p50: q(0.5), p99: q(0.99) };
}
