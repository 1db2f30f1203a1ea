import { loadConfig } from '@loa/core';
import { RawRequest } from '../channel.types';
import { gatewayFor } from '../gateway.registry';
import { GatewayHttp } from '../http/gateway-http.client';
import { reportErrorStatus } from '../report-error.spec-helper';
import { EsmsJsonAdapter } from './esms-json.adapter';
import { classifyEsmsReply, encodeEsmsSend, ESMS_CODES, esmsCallbackToken } from './esms-json.codec';

const gw = gatewayFor(loadConfig({}), 'esms');
const NOW = Date.UTC(2020, 7, 20, 3, 0, 0);
const adapter = new EsmsJsonAdapter(new GatewayHttp(), { nowMs: () => NOW });
const sms = { requestId: 'r-1', phone: '84901234567', brandname: 'SOTTTT', text: 'Cai dat Bluezone', unicode: false };

describe('eSMS SendMultipleMessage_V4_post_json encoding', () => {
  it('builds the exact body, with our request id added to the CallbackUrl', () => {
    const body = encodeEsmsSend(gw, { ...sms, callbackUrl: 'http://h/webhooks/esms?secret=s3' });
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        ApiKey: 'loa-api-key',
        SecretKey: 'loa-secret-key',
        Phone: '84901234567',
        Content: 'Cai dat Bluezone',
        Brandname: 'SOTTTT',
        SmsType: '2',
        IsUnicode: '0',
        Sandbox: '0',
        RequestId: 'r-1',
        CallbackUrl: `http://h/webhooks/esms?secret=s3&rid=r-1&t=${esmsCallbackToken('loa-secret-key', 'r-1')}`,
      }),
    );
  });

  it('marks accented text IsUnicode 1 and leaves CallbackUrl out when there is none', () => {
    const body = encodeEsmsSend(gw, { ...sms, unicode: true });
    expect(body.IsUnicode).toBe('1');
    expect('CallbackUrl' in body).toBe(false);
  });
});

describe('eSMS CodeResult map', () => {
  it.each([
    [
      { CodeResult: '100', SMSID: 'S1' },
      { kind: 'accepted', providerMessageId: 'S1' },
    ],
    [{ CodeResult: '124', ErrorMessage: 'Duplicate RequestId' }, { kind: 'accepted' }],
    [
      { CodeResult: '124', SMSID: 'S1' },
      { kind: 'accepted', providerMessageId: 'S1' },
    ],
    [{ CodeResult: '99' }, { kind: 'rejected', code: '99' }],
    [{ CodeResult: '101' }, { kind: 'refused', code: '101' }],
    [{ CodeResult: '102' }, { kind: 'refused', code: '102' }],
    [{ CodeResult: '103' }, { kind: 'refused', code: '103' }],
    [{ CodeResult: '104' }, { kind: 'refused', code: '104' }],
    [{ CodeResult: '108' }, { kind: 'rejected', code: '108' }],
    [{ CodeResult: '110' }, { kind: 'refused', code: '110' }],
    [{ CodeResult: '118' }, { kind: 'refused', code: '118' }],
    [{ CodeResult: '140' }, { kind: 'refused', code: '140' }],
    [
      { CodeResult: '146', SMSID: 'S9' },
      { kind: 'refused', code: '146' },
    ],
    [{ CodeResult: '177' }, { kind: 'refused', code: '177' }],
    [
      { CodeResult: '999', ErrorMessage: 'new' },
      { kind: 'retry', code: '999', text: 'new' },
    ],
  ])('%j → %j', (body, expected) => {
    expect(classifyEsmsReply(body)).toMatchObject(expected);
  });

  it.each(Object.entries(ESMS_CODES))('documented code %s maps to %j', (code, [action]) => {
    expect(classifyEsmsReply({ CodeResult: code })?.kind).toBe(action);
  });

  it.each([null, {}, { Code: '100' }])('unreadable %j → null', (body) => {
    expect(classifyEsmsReply(body)).toBeNull();
  });
});

describe('eSMS delivery callback (GET)', () => {
  const get = (query: Record<string, string>): RawRequest => ({ method: 'GET', headers: {}, query });
  const q = (extra: Record<string, string>) => ({
    secret: gw.webhookSecret,
    SMSID: 'S1',
    phonenumber: '84901234567',
    ...extra,
  });

  it.each([
    [
      { SendStatus: '5', telcoid: '2' },
      { status: 'delivered', carrier: 'mobifone', code: undefined },
    ],
    [
      { SendStatus: '5', telcoid: '1' },
      { status: 'delivered', carrier: 'viettel' },
    ],
    [
      { SendStatus: '5', telcoid: '3' },
      { status: 'delivered', carrier: 'vinaphone' },
    ],
    [
      { SendStatus: '5', telcoid: '4' },
      { status: 'delivered', carrier: 'vietnamobile' },
    ],
    [
      { SendStatus: '5', telcoid: '5' },
      { status: 'delivered', carrier: 'gmobile' },
    ],
    [
      { SendStatus: '5', telcoid: '6' },
      { status: 'delivered', carrier: 'itel' },
    ],
    [
      { SendStatus: '5', telcoid: '7' },
      { status: 'delivered', carrier: undefined },
    ],
    [
      { SendStatus: '4', telcoid: '2' },
      { status: 'failed', code: 'SendStatus-4' },
    ],
    [
      { SendStatus: '5', rid: 'r-1', t: esmsCallbackToken('loa-secret-key', 'r-1') },
      { status: 'delivered', requestId: 'r-1' },
    ],
  ])('%j → %j', (extra, expected) => {
    const events = adapter.parseDeliveryReport(gw, get(q(extra)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ gatewayId: 'esms', providerMessageId: 'S1', phone: '84901234567', ...expected });
  });

  it.each(['1', '2'])('SendStatus %s is not final: no event', (s) => {
    expect(adapter.parseDeliveryReport(gw, get(q({ SendStatus: s })))).toEqual([]);
  });

  it.each([
    ['no secret', { SMSID: 'S1', SendStatus: '5' }, 401],
    ['a wrong secret', { secret: 'esms-dlr-secreT', SMSID: 'S1', SendStatus: '5' }, 403],
    ['no SMSID', { secret: gw.webhookSecret, SendStatus: '5' }, 400],
    ['no SendStatus', { secret: gw.webhookSecret, SMSID: 'S1' }, 400],
    ['an unknown telcoid', { secret: gw.webhookSecret, SMSID: 'S1', SendStatus: '5', telcoid: '9' }, 400],
    [
      'a request id without its token (forged)',
      { secret: gw.webhookSecret, SMSID: 'S1', SendStatus: '4', rid: '10' },
      403,
    ],
    [
      'a request id with another message’s token',
      {
        secret: gw.webhookSecret,
        SMSID: 'S1',
        SendStatus: '4',
        rid: '10',
        t: esmsCallbackToken('loa-secret-key', '20'),
      },
      403,
    ],
  ])('refuses a callback with %s', (_n, query, status) => {
    expect(reportErrorStatus(() => adapter.parseDeliveryReport(gw, get(query)))).toBe(status);
  });
});
