import { routeList } from '@loa/channels';
import { AppConfig, loadConfig } from '@loa/core';
import { concurrencyFor, parseChannelSpec, parseSendJobId, requestIdFor, routeFor, sendJobId } from './routing';

const cfg: AppConfig = loadConfig({ NODE_ENV: 'test' });

describe('routing', () => {
  it.each([
    ['zns', '—', 'zalo'],
    ['sms', 'viettel', 'viettel'],
    ['sms', 'vinaphone', 'vnpt'],
    ['sms', 'mobifone', 'esms'],
    ['sms', 'vietnamobile', 'esms'],
    ['sms', 'gmobile', 'esms'],
    ['sms', 'itel', 'esms'],
  ] as const)('%s for %s → %s', (channel, carrier, gateway) => {
    const r = routeFor(cfg, channel, carrier);
    expect(r.ok && r.gateway.id).toBe(gateway);
  });

  // Route choice with breakers: viettel → [viettel, esms], vinaphone → [vnpt, esms], others → [esms].
  type A = 'yes' | 'no' | 'probe';
  it.each([
    ['viettel', {}, 'viettel', false],
    ['viettel', { viettel: 'no' }, 'esms', false],
    ['viettel', { viettel: 'probe' }, 'viettel', true],
    ['viettel', { viettel: 'no', esms: 'no' }, 'viettel', false], // all open: the first, its retries carry on
    ['viettel', { viettel: 'no', esms: 'probe' }, 'esms', true],
    ['vinaphone', { vnpt: 'no' }, 'esms', false],
    ['vinaphone', { viettel: 'no' }, 'vnpt', false],
    ['mobifone', { esms: 'no' }, 'esms', false], // a route of one: nowhere else to go
    ['mobifone', { esms: 'probe' }, 'esms', true],
  ] as [string, Record<string, A>, string, boolean][])(
    'sms for %s with breakers %j → %s (probe %s)',
    (carrier, states, gateway, probe) => {
      const r = routeFor(cfg, 'sms', carrier, (id) => states[id] ?? 'yes');
      expect(r.ok && { gateway: r.gateway.id, probe: r.probe }).toEqual({ gateway, probe });
      expect(r.ok && r.preferred.id).toBe(cfg.routes[carrier as 'viettel']![0]);
    },
  );

  it('sends Zalo to the zns gateway whatever its breaker says', () => {
    const r = routeFor(cfg, 'zns', 'viettel', () => 'no');
    expect(r.ok && r.gateway.id).toBe('zalo');
  });

  it('lists every gateway that may carry a carrier, without breakers (preview)', () => {
    const ids = (c: string) => {
      const l = routeList(cfg, 'sms', c);
      return l.ok ? l.gateways.map((g) => g.id) : l.reason;
    };
    expect(ids('viettel')).toEqual(['viettel', 'esms']);
    expect(ids('vinaphone')).toEqual(['vnpt', 'esms']);
    expect(ids('itel')).toEqual(['esms']);
    const l = routeList(cfg, 'zns', 'itel');
    expect(l.ok && l.gateways.map((g) => g.id)).toEqual(['zalo']);
    expect(routeList({ ...cfg, routes: { itel: ['nope'] } }, 'sms', 'itel')).toEqual({
      ok: false,
      reason: 'route for "itel" names unknown gateway "nope"',
    });
  });

  it('names the problem when a carrier has no route', () => {
    const r = routeFor({ ...cfg, routes: {} }, 'sms', 'itel');
    expect(r).toEqual({ ok: false, reason: 'no SMS route for carrier "itel"' });
  });

  it.each([
    ['zns', { channel: 'zns', templateId: null }],
    [
      { channel: 'sms', templateId: 4 },
      { channel: 'sms', templateId: 4 },
    ],
    [
      { kind: 'zns', template_id: '7' },
      { channel: 'zns', templateId: 7 },
    ],
  ])('parses channel entry %j', (raw, expected) => expect(parseChannelSpec(raw)).toEqual(expected));

  it.each([['email'], [{ channel: 'fax' }], [null], [{ channel: 'sms', templateId: 'x' }]])(
    'refuses channel entry %j',
    (raw) => expect(() => parseChannelSpec(raw)).toThrow(/is not "sms"\/"zns"/),
  );

  it('builds job ids BullMQ accepts (no ":") and reads them back', () => {
    expect(sendJobId('123', 1)).toBe('d123c1');
    expect(parseSendJobId('d123c1')).toEqual({ deliveryId: '123', channelIndex: 1 });
    expect(parseSendJobId('x')).toBeNull();
  });

  it.each([
    ['123', 0, '1230'],
    ['123', 1, '1231'],
    ['9223372036854775807', 1, '92233720368547758071'],
  ])('request id of delivery %s channel %i is numeric: %s', (d, c, id) => {
    expect(requestIdFor(d, c)).toBe(id);
    expect(id).toMatch(/^\d+$/);
  });

  it('refuses a channel index that would make request ids collide', () => {
    expect(() => requestIdFor('1', 10)).toThrow(/out of range/);
  });

  it('derives enough concurrency for the rate unless configured', () => {
    expect(concurrencyFor({}, 10)).toBe(11);
    expect(concurrencyFor({}, 200)).toBe(58);
    expect(concurrencyFor({}, 100_000)).toBe(600);
    expect(concurrencyFor({ concurrency: 7 }, 200)).toBe(7);
  });
});
