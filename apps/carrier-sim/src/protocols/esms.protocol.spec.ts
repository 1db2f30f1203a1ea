import { ESMS_SEND_PATH } from '@loa/channels';
import { SimUnderTest, simUnderTest } from './protocol.spec-helper';

const GOOD = {
  ApiKey: 'loa-api-key',
  SecretKey: 'loa-secret-key',
  Phone: '84901234567',
  Content: 'Ma xac thuc cua ban la 2803',
  Brandname: 'SO TTTT',
  SmsType: '2',
  IsUnicode: '0',
  Sandbox: '0',
  RequestId: '12342',
  CallbackUrl: 'https://loa.example/webhooks/esms?secret=s',
} as Record<string, unknown>;

describe('eSMS SendMultipleMessage_V4_post_json simulator: what the gateway refuses', () => {
  let t: SimUnderTest;
  beforeAll(async () => {
    t = await simUnderTest('esms', {
      credentials: { apiKey: 'loa-api-key', secretKey: 'loa-secret-key' },
      registry: {
        brandnames: {
          'SO TTTT': { contents: ['Ma xac thuc cua ban la {1}', 'Chào {1}'] },
          VIETTELONLY: { contents: ['Ma xac thuc cua ban la {1}'], networks: ['viettel'] },
        },
      },
    });
  });
  afterAll(() => t.sims.close());
  beforeEach(() => t.sim.reset());
  const send = async (mutation: Record<string, unknown>) => {
    const body = Object.fromEntries(Object.entries({ ...GOOD, ...mutation }).filter(([, v]) => v !== undefined));
    const res = await t.post(ESMS_SEND_PATH, JSON.stringify(body));
    return { status: res.status, ...(JSON.parse(res.text) as Record<string, unknown>) };
  };

  it('accepts the registered customer-care content', async () => {
    expect(await send({})).toMatchObject({ status: 200, CodeResult: '100', SMSID: expect.any(String) });
    expect(t.sim.messages('84901234567')).toEqual([expect.objectContaining({ requestId: '12342' })]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a phone in 0… form', { Phone: '0901234567' }],
    ['accented registered content as IsUnicode 1', { Content: 'Chào bạn', IsUnicode: '1' }],
    ['advertising (SmsType 1) content that is not a registered template', { SmsType: '1', Content: 'Khuyen mai' }],
    ['no optional fields', { IsUnicode: undefined, Sandbox: undefined, RequestId: undefined, CallbackUrl: undefined }],
  ])('accepts %s', async (_name, mutation) => {
    expect(await send(mutation)).toMatchObject({ CodeResult: '100' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a wrong SecretKey', { SecretKey: 'nope' }, '101'],
    ['no ApiKey', { ApiKey: undefined }, '101'],
    ['SmsType 8', { SmsType: '8' }, '118'],
    ['SmsType as a number', { SmsType: 2 }, '118'],
    ['no SmsType', { SmsType: undefined }, '118'],
    ['an unregistered Brandname', { Brandname: 'OTHER' }, '104'],
    ['no Brandname', { Brandname: '' }, '104'],
    ['a Brandname over 11 characters', { Brandname: 'SO TTTT THAI BINH' }, '104'],
    ['a Phone too short', { Phone: '8490123456' }, '108'],
    ['a Phone with +', { Phone: '+84901234567' }, '108'],
    ['a Phone of no carrier', { Phone: '84111234567' }, '108'],
    ['a network the brandname is not registered for', { Brandname: 'VIETTELONLY' }, '177'],
    ['a RequestId over 50 characters', { RequestId: 'r'.repeat(51) }, '110'],
    ['IsUnicode "true"', { IsUnicode: 'true' }, '110'],
    ['Sandbox 2', { Sandbox: '2' }, '110'],
    ['a CallbackUrl that is not a URL', { CallbackUrl: 'loa/webhooks' }, '110'],
    ['an ftp CallbackUrl', { CallbackUrl: 'ftp://loa.example/x' }, '110'],
    ['no Content', { Content: '' }, '110'],
    ['accented content as IsUnicode 0', { Content: 'Chào bạn' }, '110'],
    ['content not matching a registered template', { Content: 'Cai dat Bluezone ngay' }, '146'],
    ['a template slot left empty', { Content: 'Ma xac thuc cua ban la ' }, '146'],
  ])('%s: %j → CodeResult %s', async (_name, mutation, code) => {
    expect(await send(mutation)).toMatchObject({ status: 200, CodeResult: code, ErrorMessage: expect.any(String) });
    expect(t.sim.stats()).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it('answers a body it cannot read with its "Invalid request" error', async () => {
    const res = await t.post(ESMS_SEND_PATH, '{not json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: 'Invalid request' });
  });

  it('dedupes a repeated RequestId: 124, one message', async () => {
    await send({});
    expect(await send({})).toMatchObject({ CodeResult: '124' });
    expect(t.sim.messages('84901234567')).toHaveLength(1);
  });
});
