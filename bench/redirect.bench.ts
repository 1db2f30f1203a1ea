/**
 * Click redirect throughput: `/r/{code}` on the real api (code lookup cached, click XADDed to Redis before the
 * 302) beside a bare node:http server answering a 302, same client, same concurrency, same run.
 * Standalone: `npx ts-node`-free — `npm run bench -- --only redirect`, or after build `node dist/bench/redirect.bench.js 20000`.
 */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { clickStreamKey } from '@loa/tracking';
import { benchEnv, drive, seedRun } from './tracking-bench.support';

const CONCURRENCY = 64;

export async function runRedirectBench(size: number): Promise<Record<string, number | string>> {
  const codes = Math.min(size, 100_000);
  const requests = Math.min(size, 50_000);
  const bare = createServer((_req, res) => {
    res.writeHead(302, { Location: 'https://bluezone.gov.vn/taiapp', 'Cache-Control': 'no-store' }).end();
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const env = await benchEnv(false); // no writer: clicks stay in the stream, so they can be counted there
  try {
    await seedRun(env.sql, codes);
    await drive(env.url, 2000, CONCURRENCY, (i) => `/r/bk${String((i % codes) + 1).padStart(6, '0')}`, 302); // warm-up
    const baseline = await drive(
      `http://127.0.0.1:${(bare.address() as AddressInfo).port}`,
      requests,
      CONCURRENCY,
      () => '/',
      302,
    );
    const redis = new Redis(env.cfg.redis.url);
    const before = await redis.xlen(clickStreamKey(env.cfg));
    const loa = await drive(
      env.url,
      requests,
      CONCURRENCY,
      (i) => `/r/bk${String((i % codes) + 1).padStart(6, '0')}`,
      302,
    );
    const recorded = (await redis.xlen(clickStreamKey(env.cfg))) - before;
    redis.disconnect();
    return {
      'redirect req/s': loa.rps,
      'redirect p50 ms': loa.p50,
      'redirect p99 ms': loa.p99,
      'bare node:http 302 req/s': baseline.rps,
      'bare p99 ms': baseline.p99,
      'ratio redirect/bare': Math.round((loa.rps / baseline.rps) * 100) / 100,
      'clicks recorded / requests': `${recorded} / ${requests}`,
      concurrency: CONCURRENCY,
    };
  } finally {
    bare.close();
    await env.close();
  }
}

if (require.main === module) {
  runRedirectBench(Number(process.argv[2] ?? 20_000)).then(
    (r) => (console.table(r), process.exit(0)),
    (e) => (console.error(e), process.exit(1)),
  );
}
