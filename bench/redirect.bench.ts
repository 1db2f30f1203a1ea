/**
 * Click redirect throughput: `/r/{code}` on the real api (code looked up, click XADDed to Redis before the 302)
 * beside a bare node:http server answering a 302, same client, same concurrency, same process, same run.
 * Two api figures: first taps (every request a code not seen yet: one lookup each, as when a campaign's people tap
 * their own links) and repeat taps (the same codes again, now cached: HTTP + classification + XADD only).
 * The machine is shared, so the three measures are taken in alternating rounds and the median of each is
 * reported (a single pass swings by 2× with the neighbours' load).
 * Standalone: `npm run bench -- --only redirect`, or after build `node dist/bench/redirect.bench.js 20000`.
 */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { clickStreamKey } from '@loa/tracking';
import { benchEnv, drive, seedRun } from './tracking-bench.support';

const CONCURRENCY = 64;
const ROUNDS = 3;

type Run = Awaited<ReturnType<typeof drive>>;
const median = (runs: Run[], k: keyof Run) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];

export async function runRedirectBench(size: number): Promise<Record<string, number | string>> {
  const requests = Math.min(size, 50_000);
  const codes = requests * ROUNDS + 2000;
  const code = (i: number) => `/r/bk${String(i + 1).padStart(6, '0')}`;
  const bare = createServer((_req, res) => {
    res.writeHead(302, { Location: 'https://bluezone.gov.vn/taiapp', 'Cache-Control': 'no-store' }).end();
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  const env = await benchEnv(false); // no writer: clicks stay in the stream, so they can be counted there
  const redis = new Redis(env.cfg.redis.url);
  try {
    await seedRun(env.sql, codes);
    await drive(env.url, 2000, CONCURRENCY, (i) => code(requests * ROUNDS + i), 302); // warm-up, own codes
    const before = await redis.xlen(clickStreamKey(env.cfg));
    const bareRuns: Run[] = [];
    const first: Run[] = [];
    const cached: Run[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      bareRuns.push(await drive(bareUrl, requests, CONCURRENCY, () => '/', 302));
      first.push(await drive(env.url, requests, CONCURRENCY, (i) => code(r * requests + i), 302));
      cached.push(await drive(env.url, requests, CONCURRENCY, (i) => code(r * requests + i), 302));
    }
    const recorded = (await redis.xlen(clickStreamKey(env.cfg))) - before;
    const bareRps = median(bareRuns, 'rps');
    const ratio = (x: number) => Math.round((x / bareRps) * 100) / 100;
    return {
      'redirect req/s (first taps: code lookup)': median(first, 'rps'),
      'first taps p50 / p99 ms': `${median(first, 'p50')} / ${median(first, 'p99')}`,
      'redirect req/s (repeat taps: cached code)': median(cached, 'rps'),
      'repeat taps p50 / p99 ms': `${median(cached, 'p50')} / ${median(cached, 'p99')}`,
      'bare node:http 302 req/s': bareRps,
      'bare p50 / p99 ms': `${median(bareRuns, 'p50')} / ${median(bareRuns, 'p99')}`,
      'ratio first taps/bare': ratio(median(first, 'rps')),
      'ratio repeat taps/bare': ratio(median(cached, 'rps')),
      'clicks recorded / requests': `${recorded} / ${2 * ROUNDS * requests}`,
      'requests per measure × rounds (median)': `${requests} × ${ROUNDS}`,
      concurrency: CONCURRENCY,
    };
  } finally {
    redis.disconnect();
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
