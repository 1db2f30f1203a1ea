import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { SendOutcome } from '@loa/channels';
import { AppConfig } from '@loa/core';
import { testConfig, uniqueName, waitFor } from '@loa/testing';
import { GatewayBreakers } from './gateway-breakers.service';

const down: SendOutcome = { kind: 'retry', code: 'http-503', text: 'HTTP 503: Service Unavailable' };
const refused: SendOutcome = { kind: 'retry', code: 'network', text: 'ECONNREFUSED: connect ECONNREFUSED' };
const up: SendOutcome = { kind: 'accepted', providerMessageId: 'x' };
const throttled: SendOutcome = { kind: 'retry', code: 'http-429', text: 'HTTP 429', throttled: true };

/** Two processes' worth of breakers (own connection, own copy, own metrics) on one Redis prefix. */
describe('GatewayBreakers shared through Redis (two instances, real Redis)', () => {
  let cfg: AppConfig;
  const conns: Redis[] = [];
  const registries: Registry[] = [];
  let a: GatewayBreakers;
  let b: GatewayBreakers;

  const instance = () => {
    const r = new Redis(cfg.redis.url);
    const reg = new Registry();
    conns.push(r);
    registries.push(reg);
    return new GatewayBreakers(cfg, r, reg);
  };
  /** Transitions counted by both instances together, by state entered (each is made by exactly one). */
  const transitions = async (gateway: string) => {
    const out: Record<string, number> = {};
    for (const reg of registries) {
      const m = await reg.getSingleMetric('loa_gateway_breaker_transitions_total')!.get();
      for (const v of m.values)
        if (v.labels.gateway === gateway) out[v.labels.to!] = (out[v.labels.to!] ?? 0) + v.value;
    }
    return out;
  };
  const gw = (id: string) => cfg.gateways.find((g) => g.id === id)!;

  beforeAll(() => {
    cfg = testConfig(uniqueName('loa_breaker'), (c) => {
      c.dispatch.breaker = {
        enabled: true,
        windowMs: 2000,
        minFailures: 4,
        failurePercent: 50,
        coolDownMs: 600,
        halfOpenProbes: 2,
      };
    });
    a = instance();
    b = instance();
  });

  afterAll(async () => {
    const keys = await conns[0].keys(`${cfg.redis.prefix}:*`);
    if (keys.length) await conns[0].del(...keys);
    await Promise.all(conns.map((c) => c.quit()));
  });

  it('opens once on failures counted by both, and both then route around it', async () => {
    // Throttling and successes are attempts, not failures: 4 failures among 10 attempts is 40 %, below 50 %.
    await Promise.all([a.observe('viettel', up, null), b.observe('viettel', throttled, null)]);
    await Promise.all([1, 2, 3, 4].map((i) => (i % 2 ? a : b).observe('viettel', up, null)));
    await Promise.all([1, 2, 3, 4].map((i) => (i % 2 ? a : b).observe('viettel', down, null)));
    await Promise.all([a.refresh(), b.refresh()]);
    expect([a.admission('viettel'), b.admission('viettel')]).toEqual(['yes', 'yes']);
    // Two more failures, one from each at once: 6 of 12 → open, decided by exactly one of them.
    await Promise.all([a.observe('viettel', refused, null), b.observe('viettel', down, null)]);
    await Promise.all([a.refresh(), b.refresh()]);
    expect([a.state('viettel').state, b.state('viettel').state]).toEqual(['open', 'open']);
    expect([a.admission('viettel'), b.forEnqueue('viettel')]).toEqual(['no', 'no']);
    expect(await transitions('viettel')).toEqual({ open: 1 });
    // Other gateways are untouched.
    expect(a.admission('esms')).toBe('yes');
  });

  it('after the cool-down hands out a bounded number of probes across both, and a probe that answers closes it', async () => {
    await waitFor('the cool-down', () => Date.now() >= (a.state('viettel').untilMs ?? 0) + 5, 5000, 20);
    expect(a.admission('viettel')).toBe('probe');
    const asks = await Promise.all([a, b, a, b, a, b].map((x) => x.probe(gw('viettel'))));
    const granted = asks.filter((r) => r.kind === 'granted');
    expect(granted).toHaveLength(2);
    expect(asks.filter((r) => r.kind === 'denied')).toHaveLength(4);
    expect(asks.filter((r) => r.kind !== 'closed' && r.began)).toHaveLength(1);
    // Stragglers that were not probes change nothing while half-open.
    await a.observe('viettel', down, null);
    // One probe answers, the other fails a moment later: the first outcome decides; the second is too late.
    const [t1, t2] = granted.map((r) => (r.kind === 'granted' ? r.ticket : null));
    await a.observe('viettel', up, t1);
    await b.observe('viettel', down, t2);
    await Promise.all([a.refresh(), b.refresh()]);
    expect([a.state('viettel').state, b.state('viettel').state]).toEqual(['closed', 'closed']);
    expect(await transitions('viettel')).toEqual({ open: 1, 'half-open': 1, closed: 1 });
    // Closing cleared the window: the failures before it no longer count towards opening.
    await Promise.all([1, 2, 3].map(() => b.observe('viettel', down, null)));
    await b.refresh();
    expect(b.state('viettel').state).toBe('closed');
  });

  it('a failed probe opens it again for another cool-down; a probe that said nothing gives its slot back', async () => {
    await Promise.all([1, 2].map(() => a.observe('vnpt', down, null)));
    await Promise.all([1, 2].map(() => b.observe('vnpt', refused, null)));
    await a.refresh();
    expect(a.state('vnpt').state).toBe('open');
    await waitFor('the cool-down', () => Date.now() >= (a.state('vnpt').untilMs ?? 0) + 5, 5000, 20);
    const p1 = await a.probe(gw('vnpt'));
    const p2 = await b.probe(gw('vnpt'));
    expect([p1.kind, p2.kind]).toEqual(['granted', 'granted']);
    expect((await b.probe(gw('vnpt'))).kind).toBe('denied');
    // An exception in our own code says nothing about the gateway: the slot is free again.
    await a.observe(
      'vnpt',
      { kind: 'retry', code: 'EXCEPTION', text: 'boom' },
      p1.kind === 'granted' ? p1.ticket : null,
    );
    const p3 = await b.probe(gw('vnpt'));
    expect(p3.kind).toBe('granted');
    await b.observe('vnpt', down, p3.kind === 'granted' ? p3.ticket : null);
    await Promise.all([a.refresh(), b.refresh()]);
    expect(a.state('vnpt')).toMatchObject({ state: 'open', untilMs: expect.any(Number) });
    expect(a.admission('vnpt')).toBe('no');
    expect(await transitions('vnpt')).toEqual({ open: 2, 'half-open': 1 });
    // The probe still out when it re-opened cannot close it.
    await a.observe('vnpt', up, p2.kind === 'granted' ? p2.ticket : null);
    await a.refresh();
    expect(a.state('vnpt').state).toBe('open');
  });

  it('counts healthy sends in batches, and one instance’s successes dilute the other’s failures', async () => {
    await Promise.all(Array.from({ length: 10 }, () => a.observe('zalo', up, null)));
    await new Promise((r) => setTimeout(r, 400)); // a's batch is written within 250 ms
    await Promise.all(Array.from({ length: 5 }, () => b.observe('zalo', down, null)));
    await b.refresh();
    expect(b.state('zalo').state).toBe('closed'); // 5 of 15
    await Promise.all(Array.from({ length: 6 }, () => b.observe('zalo', down, null)));
    await b.refresh();
    expect(b.state('zalo').state).toBe('open'); // 11 of 21
  });

  it('forgets failures older than the window', async () => {
    await Promise.all([1, 2, 3].map(() => a.observe('esms', down, null)));
    await new Promise((r) => setTimeout(r, cfg.dispatch.breaker.windowMs + 300));
    await b.observe('esms', down, null);
    await b.refresh();
    expect(b.state('esms').state).toBe('closed');
  });
});
