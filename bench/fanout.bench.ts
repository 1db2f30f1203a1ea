/**
 * Fan-out of one run to N generated subscribers, in a database of its own, through the real FanoutService
 * (batches of `worker.fanoutBatchSize`), beside a raw `INSERT … SELECT` of N rows into a table with a primary key
 * and one unique index, measured in the same run. Also the process's peak RSS: people never enter Node.
 * Besides wall time, the CPU seconds of the bench database's PostgreSQL backends (from /proc, when PostgreSQL is
 * local): on a shared machine wall time swings with others' load, CPU seconds much less.
 * Standalone: `npm run build && node dist/bench/fanout.bench.js 1000000 [batchSize]`.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { CARRIERS, CoreModule } from '@loa/core';
import { CampaignsModule, FanoutService } from '@loa/campaigns';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '../test/support';

/** CPU seconds (user + system) used so far by each backend connected to `db`, or null when /proc does not show them. */
async function backendsCpu(sql: Client, db: string): Promise<Map<number, number> | null> {
  const { rows } = await sql.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [db]);
  const cpu = new Map<number, number>();
  try {
    for (const { pid } of rows as { pid: number }[]) {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      cpu.set(pid, (Number(f[11]) + Number(f[12])) / 100); // utime + stime, in clock ticks (100 per second)
    }
  } catch {
    return null;
  }
  return cpu;
}

/** CPU seconds the database's backends used between two readings (backends that connected in between count whole). */
const cpuDelta = (a: Map<number, number> | null, b: Map<number, number> | null): number | null =>
  a && b ? [...b].reduce((sum, [pid, s]) => sum + s - (a.get(pid) ?? 0), 0) : null;

export async function runFanoutBench(size: number, batchSize?: number): Promise<Record<string, number | string>> {
  const cfg = testConfig(uniqueName('loa_bench_fanout'), (c) => {
    if (batchSize) c.worker.fanoutBatchSize = batchSize;
    c.database.migrateOnStart = false;
  });
  await createTestDatabase(cfg);
  const sql = await sqlClient(cfg);
  const db = new URL(cfg.database.url).pathname.slice(1);
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
    const raw = async (): Promise<{ ms: number; cpu: number | null }> => {
      await sql.query(`CREATE TABLE raw_bench (id bigserial PRIMARY KEY, run_id bigint NOT NULL, subscriber_id bigint NOT NULL,
        phone text NOT NULL, carrier text NOT NULL, unit_id integer, code text NOT NULL UNIQUE, created_at timestamptz NOT NULL)`);
      const cpu0 = await backendsCpu(sql, db);
      const start = performance.now();
      await sql.query(`INSERT INTO raw_bench (run_id, subscriber_id, phone, carrier, unit_id, code, created_at)
        SELECT 1, id, phone, carrier, unit_id, md5(id::text), now() FROM subscribers`);
      const ms = performance.now() - start;
      const cpu = cpuDelta(cpu0, await backendsCpu(sql, db));
      await sql.query('DROP TABLE raw_bench');
      return { ms, cpu };
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
    const fanCpu0 = await backendsCpu(sql, db);
    const fanStart = performance.now();
    const outcome = await app.get(FanoutService).fanOut(runId);
    const fanMs = performance.now() - fanStart;
    const fanCpu = cpuDelta(fanCpu0, await backendsCpu(sql, db));
    const [run] = (await sql.query(`SELECT targeted, excluded FROM campaign_runs WHERE id = $1`, [runId])).rows;
    const [{ n }] = (await sql.query(`SELECT count(*)::int AS n FROM deliveries WHERE run_id = $1`, [runId])).rows;
    const excluded = Object.values(run.excluded as Record<string, number>).reduce((a, b) => a + b, 0);
    if (outcome !== 'done' || n !== run.targeted || n + excluded !== size) {
      throw new Error(`fan-out inconsistent: ${outcome}, ${n} rows, targeted ${run.targeted}, excluded ${excluded}`);
    }
    const rawAfter = await raw();
    const rawMs = Math.min(rawBefore.ms, rawAfter.ms);
    const rawCpu = rawBefore.cpu === null || rawAfter.cpu === null ? null : Math.min(rawBefore.cpu, rawAfter.cpu);
    // Second reference: the same rows straight into `deliveries` (its indexes as migrated), no audience rules, to
    // separate what the table itself costs from what the fan-out logic adds.
    const [{ id: run2 }] = (
      await sql.query(
        `INSERT INTO campaign_runs (campaign_id, fire_time, expires_at) VALUES ($1, now() + interval '1 minute', now())
         RETURNING id`,
        [campaign],
      )
    ).rows;
    const [{ indexes }] = (
      await sql.query(
        `SELECT count(*) FILTER (WHERE indpred IS NULL)::int || ' indexes + ' || count(*) FILTER (WHERE indpred IS NOT NULL)
                || ' partial, ' || (SELECT count(*) FROM pg_constraint WHERE conrelid = 'deliveries'::regclass AND contype = 'f')
                || ' FK' AS indexes
           FROM pg_index WHERE indrelid = 'deliveries'::regclass`,
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
    const round2 = (x: number) => Math.round(x * 100) / 100;
    return {
      subscribers: size,
      'batch size': cfg.worker.fanoutBatchSize,
      'generate rows/s': Math.round(size / (generateMs / 1000)),
      'raw INSERT…SELECT rows/s (PK + 1 unique)': Math.round(rawRate),
      'deliveries table': indexes,
      'raw INSERT…SELECT into deliveries rows/s': Math.round(size / (tableMs / 1000)),
      'fan-out deliveries created': n,
      'fan-out excluded (by reason)': JSON.stringify(run.excluded),
      'fan-out s': Number((fanMs / 1000).toFixed(1)),
      'fan-out rows/s (deliveries)': Math.round(fanRate),
      'fan-out subscribers/s': Math.round(size / (fanMs / 1000)),
      'ratio deliveries/s ÷ raw (target ≥ 0.5)': Number((fanRate / rawRate).toFixed(2)),
      'ratio deliveries/s ÷ raw into deliveries': Number((fanRate / (size / (tableMs / 1000))).toFixed(2)),
      'raw db CPU s (faster of 2)': rawCpu === null ? 'n/a' : round2(rawCpu),
      'fan-out db CPU s': fanCpu === null ? 'n/a' : round2(fanCpu),
      'ratio by db CPU (deliveries per CPU-s ÷ raw rows per CPU-s)':
        rawCpu === null || fanCpu === null ? 'n/a' : round2(n / fanCpu / (size / rawCpu)),
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
      for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(60)} ${v}`);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
