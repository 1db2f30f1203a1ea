import { loadConfig } from '@loa/core';
import { DEMO_SMS_REGISTRATIONS, DEMO_SMS_TEMPLATE } from '@loa/templates';
import { campaignRegistrationProblems, RegistrationTemplateRow } from './campaign-registrations';

const base = loadConfig({});
const cfg = { gateways: base.gateways, routes: { ...base.routes, viettel: ['viettel', 'esms'], vinaphone: ['vnpt'] } };
const ctx = { publicBaseUrl: base.api.publicBaseUrl, linkCodeLength: base.links.codeLength };
const sms = (id: number, registrations: RegistrationTemplateRow['registrations']): RegistrationTemplateRow => ({
  id,
  channel: 'sms',
  body: DEMO_SMS_TEMPLATE.body,
  unaccented: true,
  znsTemplateId: null,
  znsParams: null,
  registrations,
});
const zns = (id: number, znsParams: Record<string, string> | null): RegistrationTemplateRow => ({
  id,
  channel: 'zns',
  body: null,
  unaccented: true,
  znsTemplateId: '248196',
  znsParams,
  registrations: {},
});
const { viettel, vnpt } = DEMO_SMS_REGISTRATIONS;

describe('campaignRegistrationProblems', () => {
  it.each([
    // [case, channels, templates, carriers, problems]
    ['registered everywhere', [['sms', 1]], [sms(1, DEMO_SMS_REGISTRATIONS)], ['viettel', 'vinaphone', 'itel'], []],
    ['no audience, nothing to check', [['sms', 1]], [sms(1, {})], [], []],
    ['only the routed gateways count', [['sms', 1]], [sms(1, { vnpt })], ['vinaphone'], []],
    [
      'every gateway of a route (failover): viettel → viettel, esms',
      [['sms', 1]],
      [sms(1, { viettel })],
      ['viettel'],
      ['eSMS (esms): template 1 is not registered'],
    ],
    [
      'each gateway once, whichever carriers route to it',
      [['sms', 1]],
      [sms(1, { viettel })],
      ['viettel', 'mobifone', 'itel', 'vinaphone'],
      ['VNPT (vnpt): template 1 is not registered', 'eSMS (esms): template 1 is not registered'], // config order
    ],
    ['unrouted carriers have no gateway to check', [['sms', 1]], [sms(1, {})], ['unknown'], []],
    ['a deleted template', [['sms', 9]], [], ['viettel'], ['template 9 does not exist']],
    ['a ZNS template with params', [['zns', 2]], [zns(2, { name: '{{name}}' })], ['viettel'], []],
    [
      'a ZNS template without params',
      [['zns', 2]],
      [zns(2, {})],
      ['viettel'],
      ['Zalo: template 2 has no Zalo template id and params (znsTemplateId, znsParams)'],
    ],
    [
      'Zalo first, SMS fallback: both checked',
      [
        ['zns', 2],
        ['sms', 1],
      ],
      [zns(2, null), sms(1, DEMO_SMS_REGISTRATIONS)],
      ['vinaphone'],
      ['Zalo: template 2 has no Zalo template id and params (znsTemplateId, znsParams)'],
    ],
  ])('%s', (_case, steps, templates, carriers, problems) => {
    const channels = (steps as [string, number][]).map(([channel, templateId]) => ({
      channel: channel as 'sms' | 'zns',
      templateId,
    }));
    const out = campaignRegistrationProblems(
      cfg,
      channels,
      templates as RegistrationTemplateRow[],
      carriers,
      ctx,
      'SO',
    );
    expect(out.problems).toEqual(problems);
  });
});
