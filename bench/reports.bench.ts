/**
 * Delivery-report ingestion: eSMS GET callbacks through the real webhook (adapter auth + inbox insert + job) until
 * the worker has applied every one (message + delivery updated), beside a raw batched
 * `UPDATE … WHERE id = ANY($1)` (batches of 1,000) of the same rows in the same run.
 */
import { benchEnv, drive, seedRun } from './tracking-bench.support';

const CONCURRENCY = 64;

export async function runReportsBench(size: number): Promise<Record<string, number | string>> {
  const n = Math.min(size, 50_000);
  const env = await benchEnv(true);
  try {
    await seedRun(env.sql, n);
    const secret = env.cfg.gateways.find((g) => g.id === 'esms')!.webhookSecret;
    const t0 = performance.now();
    const http = await drive(
      env.url,
      n,
      CONCURRENCY,
      (i) => `/webhooks/esms?secret=${secret}&SMSID=SMS${i + 1}&SendStatus=5`,
      200,
    );
    for (;;) {
      const { rows } = await env.sql.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'delivered'`);
      if (rows[0].n >= n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const applied = n / ((performance.now() - t0) / 1000);

    // Baseline: the bare minimum of the same work, straight SQL on the same rows.
    await env.sql.query(`UPDATE messages SET status = 'sent', delivered_at = NULL`);
    const t1 = performance.now();
    for (let i = 1; i <= n; i += 1000) {
      const ids = Array.from({ length: Math.min(1000, n - i + 1) }, (_, k) => i + k);
      await env.sql.query(
        `UPDATE messages SET status = 'delivered', delivered_at = now() WHERE delivery_id = ANY($1)`,
        [ids],
      );
    }
    const raw = n / ((performance.now() - t1) / 1000);
    return {
      'webhook answers/s': http.rps,
      'webhook p99 ms': http.p99,
      'reports applied/s (webhook → applied)': Math.round(applied),
      'raw batched UPDATE rows/s': Math.round(raw),
      'ratio applied/raw': Math.round((applied / raw) * 100) / 100,
      reports: n,
    };
  } finally {
    await env.close();
  }
}

if (require.main === module) {
  runReportsBench(Number(process.argv[2] ?? 20_000)).then(
    (r) => (console.table(r), process.exit(0)),
    (e) => (console.error(e), process.exit(1)),
  );
}
