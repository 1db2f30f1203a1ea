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
const sms = { requestId: '1230', phone: '84912345678', brandname: 'SOTTTT', text: 'Cai dat Bluezone', unicode: false };
const template = { templateId: '3001', params: ['https://bluezone.gov.vn/taiapp', 'Anh Nam'] };

describe('VNPT send_sms_list encoding', () => {
  it('builds the exact RQST body: the registered template, its slots 1..n in PARAMS', () => {
    expect(JSON.stringify(encodeVnptSend(gw, sms, template))).toBe(
      JSON.stringify({
        RQST: {
          name: 'send_sms_list',
          REQID: '1230',
          LABELID: '1001',
          CONTRACTTYPEID: '1',
          CONTRACTID: '2001',
          TEMPLATEID: '3001',
          PARAMS: [
            { NUM: '1', CONTENT: 'https://bluezone.gov.vn/taiapp' },
            { NUM: '2', CONTENT: 'Anh Nam' },
          ],
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

  it('takes the registration’s label id over the configured one, and DATACODING 8 for accented text', () => {
    const rq = encodeVnptSend(gw, { ...sms, unicode: true }, { templateId: '7', labelId: '1009', params: [] }).RQST;
    expect(rq).toMatchObject({ TEMPLATEID: '7', LABELID: '1009', PARAMS: [], DATACODING: '8' });
  });

  it('refuses, without sending, a message that names no registered template (no free text at VNPT)', async () => {
    const unreachable = { ...gw, endpoint: 'http://127.0.0.1:9/never' };
    expect(await adapter.send(unreachable, sms)).toMatchObject({ kind: 'refused', code: 'NOT_REGISTERED' });
  });
});

describe('VNPT answers', () => {
  it.each([
    [{ RPLY: { name: 'send_sms_list', ERROR: '0', ERROR_DESC: 'success' } }, { kind: 'accepted' }],
    [{ RPLY: { name: 'send_sms_list', ERROR: 0, ERROR_DESC: 'success' } }, { kind: 'accepted' }],
    [{ RPLY: { ERROR: '1', ERROR_DESC: 'Invalid parameter: REQID' } }, { kind: 'refused', code: '1' }],
    [{ RPLY: { ERROR: '2', ERROR_DESC: 'Authentication failed' } }, { kind: 'refused', code: '2' }],
    [{ RPLY: { ERROR: '3', ERROR_DESC: 'Template not found' } }, { kind: 'refused', code: '3' }],
    [{ RPLY: { ERROR: '4', ERROR_DESC: 'Label not the template’s' } }, { kind: 'refused', code: '4' }],
    [{ RPLY: { ERROR: '5', ERROR_DESC: 'Not enough balance' } }, { kind: 'refused', code: '5' }],
    [{ RPLY: { ERROR: '6', ERROR_DESC: 'PARAMS: NUM "2" is missing' } }, { kind: 'refused', code: '6' }],
    [{ RPLY: { ERROR: '7', ERROR_DESC: 'Invalid mobile number' } }, { kind: 'rejected', code: '7' }],
    [{ RPLY: { ERROR: '9', ERROR_DESC: 'TPS limit exceeded' } }, { kind: 'retry', code: '9', throttled: true }],
    [{ RPLY: { ERROR: '99', ERROR_DESC: 'System busy' } }, { kind: 'retry', code: '99' }],
    [{ RPLY: { ERROR: '42', ERROR_DESC: 'something new' } }, { kind: 'rejected', code: '42' }],
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
