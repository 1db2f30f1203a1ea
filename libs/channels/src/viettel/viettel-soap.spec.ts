import { loadConfig } from '@loa/core';
import { RawRequest } from '../channel.types';
import { gatewayFor } from '../gateway.registry';
import { GatewayHttp } from '../http/gateway-http.client';
import { reportErrorStatus } from '../report-error.spec-helper';
import { ViettelSoapAdapter } from './viettel-soap.adapter';
import { classifyWsCpMt, encodeWsCpMt, parseWsCpMtReply, xmlEscape } from './viettel-soap.codec';

const gw = gatewayFor(loadConfig({}), 'viettel');
const NOW = Date.UTC(2020, 7, 20, 3, 0, 0);
const adapter = new ViettelSoapAdapter(new GatewayHttp(), { nowMs: () => NOW });

describe('Viettel wsCpMt encoding', () => {
  it('builds the exact SOAP 1.1 envelope, fields in WSDL order', () => {
    const xml = encodeWsCpMt({
      User: 'u',
      Password: 'p',
      CPCode: 'CP',
      RequestID: 'r1',
      UserID: '84961234567',
      ReceiverID: '84961234567',
      ServiceID: 'SOTTTT',
      CommandCode: 'bulksms',
      Content: 'Cai dat Bluezone & bao ve ban',
      ContentType: '0',
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:impl="http://impl.bulkSms.ws/">' +
        '<soapenv:Header/><soapenv:Body><impl:wsCpMt>' +
        '<User>u</User><Password>p</Password><CPCode>CP</CPCode><RequestID>r1</RequestID>' +
        '<UserID>84961234567</UserID><ReceiverID>84961234567</ReceiverID><ServiceID>SOTTTT</ServiceID>' +
        '<CommandCode>bulksms</CommandCode><Content>Cai dat Bluezone &amp; bao ve ban</Content>' +
        '<ContentType>0</ContentType></impl:wsCpMt></soapenv:Body></soapenv:Envelope>',
    );
  });

  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    [`"q" 'a'`, '&quot;q&quot; &apos;a&apos;'],
    ['Cài đặt', 'Cài đặt'],
    ['x\u0001y', 'xy'],
    ['&amp;', '&amp;amp;'],
  ])('escapes %j as %j', (input, out) => {
    expect(xmlEscape(input)).toBe(out);
  });

  it('never leaves a raw & in the envelope', () => {
    const xml = encodeWsCpMt({ ...fields(), Content: 'a&b&&c' });
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});

function fields() {
  return {
    User: 'u',
    Password: 'p',
    CPCode: 'c',
    RequestID: 'r',
    UserID: '84',
    ReceiverID: '84',
    ServiceID: 's',
    CommandCode: 'bulksms' as const,
    Content: '',
    ContentType: '0' as const,
  };
}

const reply = (result: string, message: string) =>
  `<?xml version="1.0"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` +
  `<ns2:wsCpMtResponse xmlns:ns2="http://impl.bulkSms.ws/"><return><message>${message}</message>` +
  `<result>${result}</result></return></ns2:wsCpMtResponse></S:Body></S:Envelope>`;

describe('Viettel wsCpMt answers', () => {
  it.each([
    ['1', 'Insert MT_QUEUE: OK', { kind: 'accepted' }],
    ['0', 'Check template: CONTENT_NOT_MATCH_TEMPLATE', { kind: 'refused', code: 'CONTENT_NOT_MATCH_TEMPLATE' }],
    ['0', 'Authenticate: Cp_code: NULL_OR_BLANK', { kind: 'refused', code: 'NULL_OR_BLANK' }],
    ['0', 'Authenticate: UserName: NULL_OR_BLANK', { kind: 'refused', code: 'NULL_OR_BLANK' }],
    ['0', 'Authenticate: Password: NULL_OR_BLANK', { kind: 'refused', code: 'NULL_OR_BLANK' }],
    ['0', 'CP_CODE_NOT_FOUND', { kind: 'refused', code: 'CP_CODE_NOT_FOUND' }],
    ['0', 'WRONG_INFORMATION_AUTHENTICATE', { kind: 'refused', code: 'WRONG_INFORMATION_AUTHENTICATE' }],
    ['0', 'Authenticate: IP_INVALID', { kind: 'refused', code: 'IP_INVALID' }],
    ['0', 'Authenticate: USER_OR_PASS_INVALID', { kind: 'refused', code: 'USER_OR_PASS_INVALID' }],
    ['0', 'Check RequestID: NULL_OR_BLANK', { kind: 'refused', code: 'NULL_OR_BLANK' }],
    ['0', 'Check RequestID: REQUEST_ID_NOT_NUMBER', { kind: 'refused', code: 'REQUEST_ID_NOT_NUMBER' }],
    ['0', 'Check UserID: NULL_OR_BLANK', { kind: 'refused', code: 'NULL_OR_BLANK' }],
    ['0', 'Check ReceiverID: NULL_OR_BLANK', { kind: 'refused', code: 'NULL_OR_BLANK' }],
    ['0', 'Check ReceiverID: FORMAT_ERROR', { kind: 'rejected', code: 'FORMAT_ERROR' }],
    ['0', 'UserID_NOT_EQUAL_ReceiverID', { kind: 'refused', code: 'USERID_NOT_EQUAL_RECEIVERID' }],
    ['0', 'Unable to check telco from input receiver', { kind: 'rejected', code: 'TELCO_UNKNOWN' }],
    ['0', 'Check ServiceID: DUPLICATE MESSAGE', { kind: 'rejected', code: 'DUPLICATE_MESSAGE' }],
    ['0', 'Check ServiceID: ALIAS_INVALID:TELCO=VT', { kind: 'refused', code: 'ALIAS_INVALID' }],
    ['0', 'Check CommandCode: NULL_OR_BLANK', { kind: 'refused', code: 'NULL_OR_BLANK' }],
    ['0', 'Check CommandCode: COMMAND_CODE_ERROR', { kind: 'refused', code: 'COMMAND_CODE_ERROR' }],
    ['0', 'Check Content: NULL_OR_BLANK', { kind: 'refused', code: 'NULL_OR_BLANK' }],
    [
      '0',
      'Check Content: MAXLENGTH_LIMIT_480_BYTE (YOUR_CONTENT: 481 BYTE)',
      { kind: 'refused', code: 'MAXLENGTH_LIMIT_480_BYTE' },
    ],
    ['0', 'Check Content: MSG_ERROR_CONTAIN_BLACKLIST', { kind: 'refused', code: 'MSG_ERROR_CONTAIN_BLACKLIST' }],
    ['0', 'Check ContentType: CONTENT_TYPE_NOT_MATCH_CONTENT', { kind: 'refused' }],
    ['0', 'Check information error', { kind: 'retry', code: 'INFORMATION_ERROR' }],
    ['0', 'Check TPS: TPS_LIMIT_EXCEEDED', { kind: 'retry', code: 'TPS_LIMIT_EXCEEDED', throttled: true }],
    ['0', 'System busy, try again', { kind: 'retry', code: 'result-0' }],
    ['0', 'Check balance: NOT_ENOUGH_BALANCE', { kind: 'refused', code: 'NOT_ENOUGH_BALANCE' }],
    ['0', 'something new', { kind: 'rejected', code: 'result-0' }],
  ])('result %s "%s" → %j', (result, message, expected) => {
    const parsed = parseWsCpMtReply(reply(result, message));
    expect(parsed).toEqual({ result, message });
    expect(classifyWsCpMt(parsed!)).toMatchObject(expected);
  });

  it.each([
    ['soap:Server', { kind: 'retry', code: 'soap-fault' }],
    ['soap:Client', { kind: 'refused', code: 'soap-fault' }],
  ])('a SOAP fault %s → %j', (faultcode, expected) => {
    const xml =
      `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault>` +
      `<faultcode>${faultcode}</faultcode><faultstring>boom</faultstring></S:Fault></S:Body></S:Envelope>`;
    expect(classifyWsCpMt(parseWsCpMtReply(xml)!)).toMatchObject({ ...expected, text: 'boom' });
  });

  it.each(['', 'not xml <', '<a><b>1</b></a>'])('unreadable answer %j → null', (xml) => {
    expect(parseWsCpMtReply(xml)).toBeNull();
  });
});

describe('Viettel adapter, before sending', () => {
  const sms = { phone: '84961234567', brandname: 'SOTTTT', text: 'Cai dat Bluezone', unicode: false };
  const unreachable = { ...gw, endpoint: 'http://127.0.0.1:9/never' };

  it.each([['loa-123-0'], ['12a'], ['']])('refuses a non-numeric RequestID %j without sending', async (requestId) => {
    expect(await adapter.send(unreachable, { ...sms, requestId })).toMatchObject({
      kind: 'rejected',
      code: 'request-id-not-numeric',
    });
  });
});

describe('Viettel delivery report (assumed format)', () => {
  const req = (query: Record<string, string>, body: string): RawRequest => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    query,
    rawBody: Buffer.from(body),
  });
  const good = 'RequestID=r-1&ReceiverID=84961234567&Status=1&ErrorCode=0&DoneTime=20200820100000';

  it('parses a delivered report with its VN-time DoneTime', () => {
    expect(adapter.parseDeliveryReport(gw, req({ secret: gw.webhookSecret }, good))).toEqual([
      {
        gatewayId: 'viettel',
        requestId: 'r-1',
        providerMessageId: 'r-1',
        phone: '84961234567',
        status: 'delivered',
        code: '0',
        at: new Date(Date.UTC(2020, 7, 20, 3, 0, 0)),
      },
    ]);
  });

  it('maps Status 0 to failed', () => {
    const [e] = adapter.parseDeliveryReport(
      gw,
      req({ secret: gw.webhookSecret }, good.replace('Status=1', 'Status=0')),
    );
    expect(e.status).toBe('failed');
  });

  it.each([
    ['no secret', {}, good, 401],
    ['wrong secret', { secret: 'not-the-secret' }, good, 403],
    ['no RequestID', { secret: gw.webhookSecret }, 'Status=1', 400],
    ['bad Status', { secret: gw.webhookSecret }, 'RequestID=r&Status=7', 400],
    ['bad DoneTime', { secret: gw.webhookSecret }, 'RequestID=r&Status=1&DoneTime=yesterday', 400],
    ['empty body', { secret: gw.webhookSecret }, '', 400],
  ])('refuses a report with %s', (_name, query, body, status) => {
    expect(reportErrorStatus(() => adapter.parseDeliveryReport(gw, req(query as Record<string, string>, body)))).toBe(
      status,
    );
  });
});
