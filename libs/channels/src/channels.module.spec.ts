import { Test } from '@nestjs/testing';
import { loadConfig } from '@loa/core';
import { ChannelsModule } from './channels.module';
import { GatewayRegistry, gatewayFor, routeSms, znsGateway } from './gateway.registry';
import { callbackUrlFor } from './webhook-auth';

const cfg = loadConfig({});

describe('ChannelsModule and routing helpers', () => {
  it('resolves one adapter per protocol through Nest', async () => {
    const mod = await Test.createTestingModule({ imports: [ChannelsModule] }).compile();
    const reg = mod.get(GatewayRegistry);
    expect(cfg.gateways.map((g) => [g.id, reg.adapter(g).protocol])).toEqual([
      ['viettel', 'viettel-soap'],
      ['vnpt', 'vnpt-json'],
      ['esms', 'esms-json'],
      ['zalo', 'zalo-zns'],
    ]);
    expect(() => reg.zns(gatewayFor(cfg, 'viettel'))).toThrow(/not a ZNS gateway/);
    expect(() => reg.sms(gatewayFor(cfg, 'zalo'))).toThrow(/not an SMS gateway/);
    await mod.close();
  });

  it.each([
    ['viettel', 'viettel'],
    ['vinaphone', 'vnpt'],
    ['mobifone', 'esms'],
    ['itel', 'esms'],
  ] as const)('routes %s to %s', (carrier, id) => {
    expect(routeSms(cfg, carrier)?.id).toBe(id);
  });

  it('finds the ZNS gateway and refuses an unknown id', () => {
    expect(znsGateway(cfg)?.id).toBe('zalo');
    expect(() => gatewayFor(cfg, 'nope')).toThrow('unknown gateway "nope"');
  });

  it.each([
    ['viettel', 'http://127.0.0.1:3000/webhooks/viettel?secret=viettel-dlr-secret'],
    ['esms', 'http://127.0.0.1:3000/webhooks/esms?secret=esms-dlr-secret'],
    ['zalo', 'http://127.0.0.1:3000/webhooks/zalo'],
  ])('callbackUrlFor(%s) = %s', (id, url) => {
    expect(callbackUrlFor(cfg, id)).toBe(url);
  });
});
