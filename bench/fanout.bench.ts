/**
 * Fan-out of one run to N generated subscribers, in a database of its own, through the real FanoutService
 * (batches of `worker.fanoutBatchSize`), beside a raw `INSERT … SELECT` of N rows into a table with a primary key
 * and one unique index, measured in the same run. Also the process's peak RSS: people never enter Node.
 * Standalone: `npm run build && node dist/bench/fanout.bench.js 1000000 [batchSize]`.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { CARRIERS, CoreModule } from '@loa/core';
import { CampaignsModule, FanoutService } from '@loa/campaigns';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '../test/support';

export async function runFanoutBench(size: number, batchSize?: number): Promise<Record<string, number | string>> {
  const cfg = testConfig(uniqueName('loa_bench_fanout'), (c) => {
    if (batchSize) c.worker.fanoutBatchSize = batchSize;
    c.database.migrateOnStart = false;
  });
  await createTestDatabase(cfg);
  const sql = await sqlClient(cfg);
  @Module({ imports: [CoreModule.forRoot(cfg), CampaignsModule], providers: [FanoutService] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    await sql.query(
      `INSERT INTO units (id, code, name, level, parent_id, path, depth) VALUES (1, 'P', 'Tỉnh', 'province', NULL, '/1/', 0)`,
    );
    await sql.query(
      `INSERT INTO units (id, code, name, level, parent_id, path, depth)
       SELECT 1 + d, 'D' || d, 'Huyện ' || d, 'district', 1, '/1/' || (1 + d) || '/', 1 FROM generate_series(1, 8) d`,
    );
    const genStart = performance.now();
    // A realistic mix: 5% installed, 2% clicked, 0.5% opted out, ~1% on the DNC list.
    await sql.query(
      `INSERT INTO subscribers (phone, carrier, unit_id, installed_at, last_clicked_at, opted_out_at)
       SELECT '84' || (300000000 + i)::text, ($2::text[])[1 + (i * 7) % 6], 2 + i % 8,
              CASE WHEN i % 20 = 0 THEN now() END, CASE WHEN i % 50 = 1 THEN now() END,
              CASE WHEN i % 200 = 2 THEN now() END
         FROM generate_series(1, $1) i`,
      [size, CARRIERS],
    );
    await sql.query(
      `INSERT INTO dnc_numbers (phone) SELECT '84' || (300000000 + i)::text FROM generate_series(3, $1, 97) i`,
      [size],
    );
    const generateMs = performance.now() - genStart;
    await sql.query('VACUUM ANALYZE subscribers');
    await sql.query('VACUUM ANALYZE dnc_numbers');

    // Baseline: the same number of rows, same SELECT source, into a table with PK + one unique index. Measured
    // before and after the fan-out (the machine may be shared): the faster of the two is the baseline.
    const raw = async (): Promise<number> => {
      await sql.query(`CREATE TABLE raw_bench (id bigserial PRIMARY KEY, run_id bigint NOT NULL, subscriber_id bigint NOT NULL,
        phone text NOT NULL, carrier text NOT NULL, unit_id integer, code text NOT NULL UNIQUE, created_at timestamptz NOT NULL)`);
      const start = performance.now();
      await sql.query(`INSERT INTO raw_bench (run_id, subscriber_id, phone, carrier, unit_id, code, created_at)
        SELECT 1, id, phone, carrier, unit_id, md5(id::text), now() FROM subscribers`);
      const ms = performance.now() - start;
      await sql.query('DROP TABLE raw_bench');
      return ms;
    };
    const rawBefore = await raw();

    const [{ id: seg }] = (
      await sql.query(`INSERT INTO segments (name, unit_id, filter) VALUES ('all', NULL, '{}') RETURNING id`)
    ).rows;
    const [{ id: tpl }] = (
      await sql.query(
        `INSERT INTO templates (name, channel, body) VALUES ('t', 'sms', 'Cai Bluezone {{link}}') RETURNING id`,
      )
    ).rows;
    // A running campaign with no next fire time: only this run exists, nothing else fires.
    const [{ id: campaign }] = (
      await sql.query(
        `INSERT INTO campaigns (name, segment_id, status, brandname, channels, run_at)
         VALUES ('bench', $1, 'running', 'BENCH', $2, now()) RETURNING id`,
        [seg, JSON.stringify([{ channel: 'sms', templateId: tpl }])],
      )
    ).rows;
    const [{ id: runId }] = (
      await sql.query(
        `INSERT INTO campaign_runs (campaign_id, fire_time, expires_at) VALUES ($1, now(), now() + interval '12 hours')
         RETURNING id::text AS id`,
        [campaign],
      )
    ).rows;
    const rssBefore = process.memoryUsage().rss;
    const fanStart = performance.now();
    const outcome = await app.get(FanoutService).fanOut(runId);
    const fanMs = performance.now() - fanStart;
    const [run] = (await sql.query(`SELECT targeted, excluded FROM campaign_runs WHERE id = $1`, [runId])).rows;
    const [{ n }] = (await sql.query(`SELECT count(*)::int AS n FROM deliveries WHERE run_id = $1`, [runId])).rows;
    const excluded = Object.values(run.excluded as Record<string, number>).reduce((a, b) => a + b, 0);
    if (outcome !== 'done' || n !== run.targeted || n + excluded !== size) {
      throw new Error(`fan-out inconsistent: ${outcome}, ${n} rows, targeted ${run.targeted}, excluded ${excluded}`);
    }
    const rawMs = Math.min(rawBefore, await raw());
    // Second reference: the same rows straight into `deliveries` (its 5 indexes and FK), no audience rules, to
    // separate what the table itself costs from what the fan-out logic adds.
    const [{ id: run2 }] = (
      await sql.query(
        `INSERT INTO campaign_runs (campaign_id, fire_time, expires_at) VALUES ($1, now() + interval '1 minute', now())
         RETURNING id`,
        [campaign],
      )
    ).rows;
    const tableStart = performance.now();
    await sql.query(
      `INSERT INTO deliveries (run_id, campaign_id, subscriber_id, phone, carrier, unit_id, link_code)
       SELECT $1, $2, id, phone, carrier, unit_id, md5(id::text) FROM subscribers`,
      [run2, campaign],
    );
    const tableMs = performance.now() - tableStart;
    const fanRate = n / (fanMs / 1000);
    const rawRate = size / (rawMs / 1000);
    return {
      subscribers: size,
      'batch size': cfg.worker.fanoutBatchSize,
      'generate rows/s': Math.round(size / (generateMs / 1000)),
      'raw INSERT…SELECT rows/s (PK + 1 unique)': Math.round(rawRate),
      'raw INSERT…SELECT into deliveries rows/s (5 indexes + FK)': Math.round(size / (tableMs / 1000)),
      'fan-out deliveries created': n,
      'fan-out excluded (by reason)': JSON.stringify(run.excluded),
      'fan-out s': Number((fanMs / 1000).toFixed(1)),
      'fan-out rows/s (deliveries)': Math.round(fanRate),
      'fan-out subscribers/s': Math.round(size / (fanMs / 1000)),
      'ratio deliveries/s ÷ raw (target ≥ 0.5)': Number((fanRate / rawRate).toFixed(2)),
      'ratio deliveries/s ÷ raw into deliveries': Number((fanRate / (size / (tableMs / 1000))).toFixed(2)),
      'peak RSS MiB': Math.round(process.resourceUsage().maxRSS / 1024),
      'RSS growth during fan-out MiB': Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20),
    };
  } finally {
    await app.close();
    await sql.end();
    await dropTestDatabase(cfg);
  }
}

if (require.main === module) {
  const size = Number(process.argv[2] ?? 100_000);
  const batch = process.argv[3] ? Number(process.argv[3]) : undefined;
  runFanoutBench(size, batch).then(
    (r) => {
      for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(45)} ${v}`);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
