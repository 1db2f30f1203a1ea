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
