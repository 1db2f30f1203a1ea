import { SimUnderTest, simUnderTest } from './protocol.spec-helper';

const TEXT = 'So TTTT Thai Binh: {1} oi, cai Bluezone tai {2}';
const GOOD = {
  name: 'send_sms_list',
  REQID: '12341',
  LABELID: '1001',
  CONTRACTTYPEID: '1',
  CONTRACTID: '2001',
  TEMPLATEID: '3001',
  PARAMS: [
    { NUM: '1', CONTENT: 'Anh Nam' },
    { NUM: '2', CONTENT: 'https://bz.vn/r/ab12' },
  ] as unknown,
  SCHEDULETIME: '',
  MOBILELIST: '84912345678',
  ISTELCOSUB: '0',
  AGENTID: '244',
  APIUSER: 'loa',
  APIPASS: 'loa-secret',
  USERNAME: 'sottt',
  DATACODING: '0',
};
type Rqst = Partial<Record<keyof typeof GOOD, unknown>>;

describe('VNPT send_sms_list simulator: what the gateway refuses', () => {
  let t: SimUnderTest;
  beforeAll(async () => {
    t = await simUnderTest('vnpt', {
      credentials: {
        apiUser: 'loa',
        apiPass: 'loa-secret',
        username: 'sottt',
        agentId: '244',
        contractTypeId: '1',
        contractId: '2001',
      },
      registry: {
        vnptTemplates: {
          '3001': { labelId: '1001', text: TEXT },
          '3002': { labelId: '1001', text: 'Cảm ơn {1}' },
          '3003': { labelId: '1001', text: 'Bluezone: https://bluezone.gov.vn/taiapp' },
        },
      },
    });
  });
  afterAll(() => t.sims.close());
  beforeEach(() => t.sim.reset());
  const send = async (rq: Rqst) => {
    const body = JSON.stringify({
      RQST: Object.fromEntries(Object.entries({ ...GOOD, ...rq }).filter(([, v]) => v !== undefined)),
    });
    const res = await t.post('/api/send', body);
    const rply = (JSON.parse(res.text) as { RPLY: Record<string, string> }).RPLY;
    return { status: res.status, ...rply, ERROR_DESC: rply.ERROR_DESC };
  };

  it('accepts the registered template and records the text the person receives: the slots filled', async () => {
    expect(await send({})).toMatchObject({ ERROR: '0' });
    expect(t.sim.messages('84912345678')).toEqual([
      expect.objectContaining({
        requestId: '12341',
        content: 'So TTTT Thai Binh: Anh Nam oi, cai Bluezone tai https://bz.vn/r/ab12',
      }),
    ]);
  });

  it.each<[string, Rqst]>([
    [
      'PARAMS in another order',
      {
        PARAMS: [
          { NUM: '2', CONTENT: 'https://bz.vn/r/ab12' },
          { NUM: '1', CONTENT: 'Anh Nam' },
        ],
      },
    ],
    ['a template without slots and no PARAMS', { TEMPLATEID: '3003', PARAMS: [] }],
    ['accented text as DATACODING 8', { TEMPLATEID: '3002', PARAMS: [{ NUM: '1', CONTENT: 'Nam' }], DATACODING: '8' }],
    ['a SCHEDULETIME', { SCHEDULETIME: '20/08/2020 08:30' }],
    ['ISTELCOSUB 1', { ISTELCOSUB: '1' }],
  ])('accepts %s', async (_name, rq) => {
    expect(await send(rq)).toMatchObject({ ERROR: '0' });
  });

  it.each<[string, Rqst, string, RegExp]>([
    ['a wrong APIPASS', { APIPASS: 'nope' }, '2', /^Authentication failed/],
    ['no USERNAME', { USERNAME: undefined }, '2', /^Authentication failed/],
    ['another AGENTID', { AGENTID: '245' }, '2', /AGENTID/],
    ['another CONTRACTID', { CONTRACTID: '2002' }, '2', /CONTRACTID/],
    ['another CONTRACTTYPEID', { CONTRACTTYPEID: '2' }, '2', /CONTRACTTYPEID/],
    ['no REQID', { REQID: '' }, '1', /REQID/],
    ['a REQID with punctuation', { REQID: 'loa-1-0' }, '1', /REQID/],
    ['a REQID over 50 characters', { REQID: '1'.repeat(51) }, '1', /REQID/],
    ['a MOBILELIST in 0… form', { MOBILELIST: '0912345678' }, '7', /MOBILELIST/],
    ['two numbers in MOBILELIST', { MOBILELIST: '84912345678,84912345679' }, '7', /MOBILELIST/],
    ['an unknown TEMPLATEID', { TEMPLATEID: '9999' }, '3', /TEMPLATEID "9999" is not registered/],
    ['a LABELID the template is not under', { LABELID: '1002' }, '4', /LABELID "1002"/],
    ['PARAMS not an array', { PARAMS: { NUM: '1', CONTENT: 'x' } }, '6', /PARAMS must be an array/],
    ['a missing NUM', { PARAMS: [{ NUM: '1', CONTENT: 'Anh Nam' }] }, '6', /NUM "2" is missing/],
    [
      'an extra NUM',
      { PARAMS: [...(GOOD.PARAMS as object[]), { NUM: '3', CONTENT: 'x' }] },
      '6',
      /NUM "3" is not a slot of template \(it has 2\)/,
    ],
    [
      'a NUM given twice',
      {
        PARAMS: [
          { NUM: '1', CONTENT: 'Anh Nam' },
          { NUM: '1', CONTENT: 'x' },
          { NUM: '2', CONTENT: 'y' },
        ],
      },
      '6',
      /NUM "1" given twice/,
    ],
    [
      'an empty CONTENT',
      {
        PARAMS: [
          { NUM: '1', CONTENT: '' },
          { NUM: '2', CONTENT: 'https://bz.vn/r/ab12' },
        ],
      },
      '6',
      /NUM "1" has an empty CONTENT/,
    ],
    [
      'NUM not a slot number ("0")',
      {
        PARAMS: [
          { NUM: '0', CONTENT: 'Anh Nam' },
          { NUM: '2', CONTENT: 'x' },
        ],
      },
      '6',
      /PARAMS\[0\]\.NUM/,
    ],
    [
      'NUM as a number',
      {
        PARAMS: [
          { NUM: 1, CONTENT: 'Anh Nam' },
          { NUM: 2, CONTENT: 'x' },
        ],
      },
      '6',
      /PARAMS\[0\]\.NUM/,
    ],
    [
      'the whole message pasted into {1} of a two-slot template',
      { PARAMS: [{ NUM: '1', CONTENT: 'So TTTT Thai Binh: Anh Nam oi, cai Bluezone tai https://bz.vn/r/ab12' }] },
      '6',
      /NUM "2" is missing/,
    ],
    ['DATACODING 2', { DATACODING: '2' }, '1', /DATACODING/],
    [
      'accented text as DATACODING 0',
      { TEMPLATEID: '3002', PARAMS: [{ NUM: '1', CONTENT: 'Nam' }] },
      '1',
      /DATACODING "0" but the text is not GSM/,
    ],
    ['a SCHEDULETIME in another format', { SCHEDULETIME: '2020-08-20T08:30:00Z' }, '1', /SCHEDULETIME/],
    ['ISTELCOSUB 2', { ISTELCOSUB: '2' }, '1', /ISTELCOSUB/],
  ])('%s: %j → ERROR %s', async (_name, rq, error, desc) => {
    const r = await send(rq);
    expect(r).toMatchObject({ status: 200, name: 'send_sms_list', ERROR: error });
    expect(r.ERROR_DESC).toMatch(desc);
    expect(t.sim.stats()).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it('answers a body that is not send_sms_list with ERROR 1', async () => {
    const res = await t.post('/api/send', JSON.stringify({ RQST: { name: 'send_sms' } }));
    expect(JSON.parse(res.text)).toMatchObject({ RPLY: { ERROR: '1' } });
  });
});
