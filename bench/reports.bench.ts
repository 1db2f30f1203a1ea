/**
 * Delivery-report ingestion: eSMS GET callbacks through the real webhook (adapter auth + batched inbox insert + one
 * job per batch) until the worker has applied every one (message + delivery updated), then the applier alone on
 * the same stored reports (no HTTP), beside a raw batched `UPDATE … WHERE id = ANY($1)` (batches of 1,000) of the
 * same rows in the same run. One request per report, as the gateways send them, 64 at a time.
 */
import { ReportApplierService } from '@loa/tracking';
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

    // The applier alone (no HTTP): the same stored reports applied again, 500 per transaction as the jobs carry.
    await env.sql.query(`UPDATE messages SET status = 'sent', delivered_at = NULL`);
    await env.sql.query(`UPDATE deliveries SET status = 'sent', delivered_at = NULL, final_at = NULL`);
    const { rows: ids } = await env.sql.query(`SELECT id::text FROM delivery_reports ORDER BY id`);
    await env.sql.query(`UPDATE delivery_reports SET applied_at = NULL, tried_at = NULL, message_id = NULL`);
    const applier = env.worker!.get(ReportApplierService);
    const t2 = performance.now();
    for (let i = 0; i < ids.length; i += 500) await applier.apply(ids.slice(i, i + 500).map((r) => r.id));
    const applierRate = ids.length / ((performance.now() - t2) / 1000);

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
      'applier alone rows/s (stored → applied, 500/tx)': Math.round(applierRate),
      'raw batched UPDATE rows/s': Math.round(raw),
      'ratio applied/raw': Math.round((applied / raw) * 100) / 100,
      'ratio applier alone/raw': Math.round((applierRate / raw) * 100) / 100,
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
