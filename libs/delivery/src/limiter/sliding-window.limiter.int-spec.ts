import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { LimiterKeys, SlidingWindowLimiter } from './sliding-window.limiter';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** Highest number of grant instants (µs) in any window of `spanUs` (half-open, as a gateway counts). */
function maxInWindow(sortedUs: number[], spanUs: number): number {
  let max = 0;
  let head = 0;
  for (let i = 0; i < sortedUs.length; i++) {
    while (sortedUs[i] - sortedUs[head] >= spanUs) head++;
    max = Math.max(max, i - head + 1);
  }
  return max;
}

/** Clients on separate connections hammer one limiter, each sending at its grant like the dispatcher does. */
async function hammer(clients: SlidingWindowLimiter[], keys: LimiterKeys, rate: number, total: number) {
  const grants: number[] = [];
  let denied = 0;
  await Promise.all(
    clients.flatMap((l) =>
      Array.from({ length: 8 }, async () => {
        while (grants.length < total) {
          const g = await l.acquire(keys, rate);
          if (g.granted) grants.push(g.atUs);
          else denied++;
          await new Promise((r) => setTimeout(r, Math.min(g.waitMs, 50)));
        }
      }),
    ),
  );
  return { grants: grants.sort((a, b) => a - b), denied };
}

describe('SlidingWindowLimiter (real Redis, many connections)', () => {
  const conns: Redis[] = [];
  const prefix = `loa_test_limiter_${randomBytes(4).toString('hex')}`;
  const keysFor = (name: string): LimiterKeys => ({
    grants: `${prefix}:${name}:grants`,
    rate: `${prefix}:${name}:rate`,
    backoff: `${prefix}:${name}:backoff`,
  });
  const limiters = (n: number, windowMs = 1020, maxWaitMs = 300) =>
    Array.from({ length: n }, () => {
      const r = new Redis(REDIS_URL);
      conns.push(r);
      return new SlidingWindowLimiter(r, { windowMs, maxWaitMs });
    });

  afterAll(async () => {
    const keys = await conns[0].keys(`${prefix}:*`);
    if (keys.length) await conns[0].del(...keys);
    conns.forEach((c) => c.disconnect());
  });

  // How close to the rate a backlog is granted depends on how fast the clients can ask on this machine right now: a
  // speed figure, measured in bench/ (throttle.bench.ts), not asserted here.
  it('never grants more than the rate in any sliding second', async () => {
    const rate = 200;
    const keys = keysFor('a');
    const { grants, denied } = await hammer(limiters(4), keys, rate, rate * 3);
    expect(maxInWindow(grants, 1_000_000)).toBeLessThanOrEqual(rate);
    expect(maxInWindow(grants, 1_020_000)).toBeLessThanOrEqual(rate);
    expect(denied).toBeGreaterThan(0);
  });

  it('takes back unused grants and fills their holes: the grants used hold the rate', async () => {
    const rate = 200;
    const keys = keysFor('f');
    const used: number[] = [];
    let givenBack = 0;
    await Promise.all(
      limiters(4).flatMap((l) =>
        Array.from({ length: 8 }, async () => {
          while (used.length < rate * 3) {
            let g = await l.acquire(keys, rate);
            // A sender that woke too late: about one grant in six is given back and replaced.
            while (g.granted && Math.random() < 0.15) {
              givenBack++;
              g = await l.reacquire(keys, rate, g);
            }
            if (g.granted) used.push(g.atUs);
            await new Promise((r) => setTimeout(r, Math.min(g.waitMs, 50)));
          }
        }),
      ),
    );
    used.sort((a, b) => a - b);
    expect(givenBack).toBeGreaterThan(0);
    expect(maxInWindow(used, 1_020_000)).toBeLessThanOrEqual(rate);
  });

  it('spaces grants evenly: no two closer than window/rate', async () => {
    const keys = keysFor('b');
    const { grants } = await hammer(limiters(3), keys, 50, 60);
    const gaps = grants.slice(1).map((g, i) => g - grants[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(Math.floor(1_020_000 / 50));
  });

  it('reads the live rate from Redis before the caller’s fallback', async () => {
    const keys = keysFor('c');
    const [l] = limiters(1);
    await conns[conns.length - 1].set(keys.rate, '20');
    const { grants } = await hammer([l], keys, 1000, 30);
    expect(maxInWindow(grants, 1_000_000)).toBeLessThanOrEqual(20);
  });

  it('holds every grant back during a throttle backoff', async () => {
    const keys = keysFor('d');
    const [l] = limiters(1, 1020, 5000);
    const first = await l.acquire(keys, 100);
    await l.backoff(keys, 1500);
    const next = await l.acquire(keys, 100);
    expect(next.granted).toBe(true);
    expect(next.atUs - first.atUs).toBeGreaterThanOrEqual(1_500_000);
  });

  it('refuses (records nothing) when the wait would exceed maxWait', async () => {
    const keys = keysFor('e');
    const [l] = limiters(1, 1020, 50); // spacing 102 ms: the 2nd grant would wait ≥ 50 ms unless 52 ms passed
    const got = [];
    for (let i = 0; i < 5; i++) got.push(await l.acquire(keys, 10));
    expect(got.map((g) => g.granted)).toEqual([true, false, false, false, false]);
    expect(await conns[conns.length - 1].zcard(keys.grants)).toBe(1);
  });

  it('a reserved grant is no longer good once the rate is lowered past it, or once Redis lost it', async () => {
    const keys = keysFor('f');
    const [l] = limiters(1, 1000, 3000);
    const redis = conns[conns.length - 1];
    await redis.set(keys.rate, '10');
    const grants = [];
    for (let i = 0; i < 10; i++) grants.push(await l.acquire(keys, 10)); // 100 ms apart, up to 900 ms ahead
    expect(grants.every((g) => g.granted)).toBe(true);
    expect(await Promise.all(grants.map((g) => l.verify(keys, 10, g)))).toEqual(Array(10).fill(true));
    await redis.set(keys.rate, '4'); // PATCH /gateways/:id lowered it
    const after = [];
    for (const g of grants) after.push(await l.verify(keys, 4, g));
    // Each grant is still good when, with the grants kept before it, its window (at − 1 s, at] holds at most 4; the
    // others are revoked and removed (so later ones count without them). Spacing is 100 ms unless the machine was
    // slow to ask, so the expectation follows the actual instants.
    const kept: number[] = [];
    const expected = grants.map((g) => {
      const ok = kept.filter((t) => t > g.atUs - 1_000_000).length + 1 <= 4;
      if (ok) kept.push(g.atUs);
      return ok;
    });
    expect(expected.slice(0, 4)).toEqual([true, true, true, true]);
    expect(expected).toContain(false);
    expect(after).toEqual(expected);
    expect(await redis.zcard(keys.grants)).toBe(kept.length);
    await redis.del(keys.grants); // Redis restarted empty
    expect(await l.verify(keys, 4, grants[0])).toBe(false);
  });
});
