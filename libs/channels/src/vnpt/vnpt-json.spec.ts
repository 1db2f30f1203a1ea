import { loadConfig } from '@loa/core';
import { RawRequest } from '../channel.types';
import { gatewayFor } from '../gateway.registry';
import { GatewayHttp } from '../http/gateway-http.client';
import { reportErrorStatus } from '../report-error.spec-helper';
import { VnptJsonAdapter } from './vnpt-json.adapter';
import { classifyVnptReply, encodeVnptSend } from './vnpt-json.codec';

const gw = gatewayFor(loadConfig({}), 'vnpt');
const NOW = Date.UTC(2020, 7, 20, 3, 0, 0);
const adapter = new VnptJsonAdapter(new GatewayHttp(), { nowMs: () => NOW });
const sms = { requestId: 'r-9', phone: '84912345678', brandname: 'SOTTTT', text: 'Cai dat Bluezone', unicode: false };

describe('VNPT send_sms_list encoding', () => {
  it('builds the exact RQST body from the credentials, text as PARAMS[0]', () => {
    expect(JSON.stringify(encodeVnptSend(gw, sms))).toBe(
      JSON.stringify({
        RQST: {
          name: 'send_sms_list',
          REQID: 'r-9',
          LABELID: '1001',
          CONTRACTTYPEID: '1',
          CONTRACTID: '2001',
          TEMPLATEID: '3001',
          PARAMS: [{ NUM: '1', CONTENT: 'Cai dat Bluezone' }],
          SCHEDULETIME: '',
          MOBILELIST: '84912345678',
          ISTELCOSUB: '0',
          AGENTID: '244',
          APIUSER: 'loa',
          APIPASS: 'loa-secret',
          USERNAME: 'sottt',
          DATACODING: '0',
        },
      }),
    );
  });

  it('sets DATACODING 8 for accented (UCS-2) text', () => {
    expect(encodeVnptSend(gw, { ...sms, unicode: true, text: 'Cài đặt' }).RQST).toMatchObject({
      DATACODING: '8',
      PARAMS: [{ NUM: '1', CONTENT: 'Cài đặt' }],
    });
  });
});

describe('VNPT answers', () => {
  it.each([
    [{ RPLY: { name: 'send_sms_list', ERROR: '0', ERROR_DESC: 'success' } }, { kind: 'accepted' }],
    [{ RPLY: { name: 'send_sms_list', ERROR: 0, ERROR_DESC: 'success' } }, { kind: 'accepted' }],
    [{ RPLY: { ERROR: '2', ERROR_DESC: 'Authentication failed' } }, { kind: 'rejected', code: '2' }],
    [{ RPLY: { ERROR: '3', ERROR_DESC: 'Template not found' } }, { kind: 'rejected', code: '3' }],
    [{ RPLY: { ERROR: '9', ERROR_DESC: 'TPS limit exceeded' } }, { kind: 'retry', code: '9', throttled: true }],
    [{ RPLY: { ERROR: '99', ERROR_DESC: 'System busy' } }, { kind: 'retry', code: '99' }],
  ])('%j → %j', (body, expected) => {
    expect(classifyVnptReply(body)).toMatchObject(expected);
  });

  it.each([null, {}, { RPLY: {} }, { RQST: { ERROR: '0' } }])('unreadable %j → null', (body) => {
    expect(classifyVnptReply(body)).toBeNull();
  });
});

describe('VNPT delivery report (assumed format)', () => {
  const req = (query: Record<string, string>, body: string): RawRequest => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    query,
    rawBody: Buffer.from(body),
  });
  const ok = { secret: gw.webhookSecret };
  const dlr = (rq: Record<string, unknown>) => JSON.stringify({ RQST: { name: 'dlr', ...rq } });

  it.each([
    ['1', 'delivered', undefined],
    ['0', 'failed', 'EXPIRED'],
  ])('STATUS %s → %s', (status, expected, code) => {
    const body = dlr({ REQID: 'r-9', MOBILE: '84912345678', STATUS: status, ERROR_DESC: code ?? '' });
    expect(adapter.parseDeliveryReport(gw, req(ok, body))).toEqual([
      {
        gatewayId: 'vnpt',
        requestId: 'r-9',
        providerMessageId: 'r-9',
        phone: '84912345678',
        status: expected,
        code,
        at: new Date(NOW),
      },
    ]);
  });

  it.each([
    ['no secret', {}, dlr({ REQID: 'r', STATUS: '1' }), 401],
    ['a wrong secret', { secret: 'nope-nope' }, dlr({ REQID: 'r', STATUS: '1' }), 403],
    ['a body that is not JSON', ok, '{RQST', 400],
    ['another name', ok, JSON.stringify({ RQST: { name: 'x', REQID: 'r', STATUS: '1' } }), 400],
    ['no REQID', ok, dlr({ STATUS: '1' }), 400],
    ['a bad STATUS', ok, dlr({ REQID: 'r', STATUS: 'DELIVRD' }), 400],
  ])('refuses a report with %s', (_n, query, body, status) => {
    expect(reportErrorStatus(() => adapter.parseDeliveryReport(gw, req(query as Record<string, string>, body)))).toBe(
      status,
    );
  });
});
