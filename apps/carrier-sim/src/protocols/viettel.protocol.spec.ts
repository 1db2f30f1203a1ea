import { SimUnderTest, simUnderTest } from './protocol.spec-helper';

const GOOD = {
  User: 'loa',
  Password: 'loa-secret',
  CPCode: 'SOTTTT',
  RequestID: '12340',
  UserID: '84961234567',
  ReceiverID: '84961234567',
  ServiceID: 'SO TTTT',
  CommandCode: 'bulksms',
  Content: 'Ma xac thuc cua ban la 2803. Tran trong',
  ContentType: '0',
};
type Fields = Partial<Record<keyof typeof GOOD, string | undefined>>;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A wsCpMt call as SOAP clients send it; a field set to undefined is left out. */
const envelope = (f: Fields, raw = false) => {
  const fields = Object.entries({ ...GOOD, ...f })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${raw ? v : esc(v!)}</${k}>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
    `xmlns:impl="http://impl.bulkSms.ws/"><soapenv:Body><impl:wsCpMt>${fields}</impl:wsCpMt></soapenv:Body></soapenv:Envelope>`
  );
};
const answer = (xml: string) => ({
  result: /<result>(.*?)<\/result>/.exec(xml)?.[1],
  message: /<message>(.*?)<\/message>/.exec(xml)?.[1]?.replace(/&amp;/g, '&'),
});

describe('Viettel wsCpMt simulator: what the gateway refuses', () => {
  let t: SimUnderTest;
  beforeAll(async () => {
    t = await simUnderTest('viettel', {
      credentials: { user: 'loa', password: 'loa-secret', cpCode: 'SOTTTT' },
      registry: {
        brandnames: {
          'SO TTTT': { contents: ['Ma xac thuc cua ban la {1}. Tran trong', 'Chào {1}, mã của bạn: {2}'] },
          VINAONLY: { contents: ['Ma xac thuc cua ban la {1}. Tran trong'], networks: ['vinaphone'] },
          TWELVECHARSX: { contents: ['Ma xac thuc cua ban la {1}. Tran trong'] },
        },
      },
    });
  });
  afterAll(() => t.sims.close());
  beforeEach(() => t.sim.reset());
  const send = async (f: Fields, raw = false) => {
    const res = await t.post('/bulkapi', envelope(f, raw), { 'content-type': 'text/xml; charset=utf-8' });
    return { status: res.status, ...answer(res.text), text: res.text };
  };

  it('accepts the well-formed call and records the content as sent', async () => {
    expect(await send({})).toMatchObject({ status: 200, result: '1', message: 'Insert MT_QUEUE: OK' });
    expect(t.sim.messages('84961234567')).toEqual([
      expect.objectContaining({ requestId: '12340', content: GOOD.Content }),
    ]);
  });

  it.each<[string, Fields, string]>([
    ['no CPCode', { CPCode: '' }, 'Authenticate: Cp_code: NULL_OR_BLANK'],
    ['no User', { User: undefined }, 'Authenticate: UserName: NULL_OR_BLANK'],
    ['no Password', { Password: '' }, 'Authenticate: Password: NULL_OR_BLANK'],
    ['another CPCode', { CPCode: 'OTHER' }, 'CP_CODE_NOT_FOUND'],
    ['a wrong Password', { Password: 'nope' }, 'WRONG_INFORMATION_AUTHENTICATE'],
    ['a wrong User', { User: 'someone' }, 'WRONG_INFORMATION_AUTHENTICATE'],
    ['no RequestID', { RequestID: '' }, 'Check RequestID: NULL_OR_BLANK'],
    [
      'a non-numeric RequestID (the old loa-<id>-<ch>)',
      { RequestID: 'loa-1234-0' },
      'Check RequestID: REQUEST_ID_NOT_NUMBER',
    ],
    ['a RequestID with a letter', { RequestID: '1234a' }, 'Check RequestID: REQUEST_ID_NOT_NUMBER'],
    ['no UserID', { UserID: undefined }, 'Check UserID: NULL_OR_BLANK'],
    ['no ReceiverID', { ReceiverID: '' }, 'Check ReceiverID: NULL_OR_BLANK'],
    ['a ReceiverID in 0… form', { ReceiverID: '0961234567', UserID: '0961234567' }, 'Check ReceiverID: FORMAT_ERROR'],
    ['a ReceiverID too short', { ReceiverID: '8496123456', UserID: '8496123456' }, 'Check ReceiverID: FORMAT_ERROR'],
    ['a ReceiverID with +', { ReceiverID: '+84961234567', UserID: '+84961234567' }, 'Check ReceiverID: FORMAT_ERROR'],
    ['a UserID other than the ReceiverID', { UserID: '84961234568' }, 'UserID_NOT_EQUAL_ReceiverID'],
    [
      'a number of no carrier',
      { ReceiverID: '84111234567', UserID: '84111234567' },
      'Unable to check telco from input receiver',
    ],
    ['an unknown ServiceID', { ServiceID: 'NOPE' }, 'Check ServiceID: ALIAS_INVALID:TELCO=VT'],
    ['a ServiceID of 12 characters', { ServiceID: 'TWELVECHARSX' }, 'Check ServiceID: ALIAS_INVALID:TELCO=VT'],
    ['a ServiceID not declared for the network', { ServiceID: 'VINAONLY' }, 'Check ServiceID: ALIAS_INVALID:TELCO=VT'],
    ['no CommandCode', { CommandCode: '' }, 'Check CommandCode: NULL_OR_BLANK'],
    ['another CommandCode', { CommandCode: 'BULKSMS' }, 'Check CommandCode: COMMAND_CODE_ERROR'],
    ['no Content', { Content: '' }, 'Check Content: NULL_OR_BLANK'],
    [
      'Content over 480 characters',
      { Content: `Ma xac thuc cua ban la ${'9'.repeat(450)}. Tran trong` },
      'Check Content: MAXLENGTH_LIMIT_480_BYTE (YOUR_CONTENT: 485 BYTE)',
    ],
    ['ContentType 2', { ContentType: '2' }, 'Check ContentType: CONTENT_TYPE_INVALID'],
    ['no ContentType', { ContentType: undefined }, 'Check ContentType: CONTENT_TYPE_INVALID'],
    [
      'accented text as ContentType 0',
      { Content: 'Chào Nam, mã của bạn: 2803' },
      'Check ContentType: CONTENT_TYPE_NOT_MATCH_CONTENT',
    ],
    ['unregistered content', { Content: 'Cai dat Bluezone ngay' }, 'Check template: CONTENT_NOT_MATCH_TEMPLATE'],
    [
      'registered text with an empty slot',
      { Content: 'Ma xac thuc cua ban la . Tran trong' },
      'Check template: CONTENT_NOT_MATCH_TEMPLATE',
    ],
    [
      'registered text with something appended',
      { Content: `${GOOD.Content} Xem them` },
      'Check template: CONTENT_NOT_MATCH_TEMPLATE',
    ],
    [
      'another brandname’s content',
      { Content: 'Chào Nam, mã của bạn: 2803', ContentType: '1', ServiceID: 'VINAONLY' },
      'Check ServiceID: ALIAS_INVALID:TELCO=VT',
    ],
  ])('%s: %j → result 0, %j', async (_name, f, message) => {
    expect(await send(f)).toMatchObject({ status: 200, result: '0', message });
    expect(t.sim.stats()).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it('accepts accented registered content as ContentType 1', async () => {
    expect(await send({ Content: 'Chào Nam, mã của bạn: 2803', ContentType: '1' })).toMatchObject({ result: '1' });
  });

  it('answers a raw & with a SOAP Client fault', async () => {
    const res = await send({ Content: 'Ma xac thuc cua ban la 1 & 2. Tran trong' }, true);
    expect(res.status).toBe(500);
    expect(res.text).toContain('<faultcode>S:Client</faultcode>');
  });

  it('accepts a repeated RequestID again (Viettel is not known to dedupe) and counts it as a duplicate', async () => {
    await send({});
    expect(await send({})).toMatchObject({ result: '1' });
    expect(t.sim.stats().duplicates).toEqual({ requestId: 1, phoneContent: 1, deduped: 0 });
  });
});
