import { DEMO_SMS_REGISTRATIONS } from './registrations';
import { registeredTextProblems, registrationFieldProblems } from './registration-rules';

const GATEWAYS = [
  { id: 'viettel', protocol: 'viettel-soap' as const },
  { id: 'vnpt', protocol: 'vnpt-json' as const },
  { id: 'esms', protocol: 'esms-json' as const },
  { id: 'zalo', protocol: 'zalo-zns' as const },
];
const vnpt = (over: object) => ({ vnpt: { templateId: '3001', text: 'Chao {1}, cai tai {2}', ...over } });
const params = { '1': '{{name|ban}}', '2': '{{link}}' };

describe('registrationFieldProblems', () => {
  it('accepts the demo registrations, none, and an empty object on ZNS', () => {
    expect(registrationFieldProblems(DEMO_SMS_REGISTRATIONS, 'sms', GATEWAYS)).toEqual([]);
    expect(registrationFieldProblems({}, 'sms', GATEWAYS)).toEqual([]);
    expect(registrationFieldProblems({}, 'zns', GATEWAYS)).toEqual([]);
    expect(registrationFieldProblems(vnpt({ params, labelId: '1001' }), 'sms', GATEWAYS)).toEqual([]);
  });

  it.each([
    // [case, registrations, channel, expected {field: problem substring}]
    ['not an object', [], 'sms', { registrations: 'must be an object' }],
    ['on a ZNS template', DEMO_SMS_REGISTRATIONS, 'zns', { registrations: 'only SMS templates' }],
    ['unknown gateway', { mobi: { content: 'x {1}' } }, 'sms', { 'registrations.mobi': 'unknown SMS gateway "mobi"' }],
    [
      'the Zalo gateway',
      { zalo: { content: 'x {1}' } },
      'sms',
      { 'registrations.zalo': 'configured: viettel, vnpt, esms' },
    ],
    [
      'not an object at a gateway',
      { viettel: 'x {1}' },
      'sms',
      { 'registrations.viettel': 'must be an object with content' },
    ],
    ['empty content', { viettel: { content: ' ' } }, 'sms', { 'registrations.viettel.content': 'non-empty' }],
    ['content missing', { esms: {} }, 'sms', { 'registrations.esms.content': 'non-empty' }],
    [
      'VNPT fields on a content gateway',
      { viettel: DEMO_SMS_REGISTRATIONS.vnpt },
      'sms',
      {
        'registrations.viettel': 'unknown fields templateId, labelId, text, params: viettel-soap registers content',
        'registrations.viettel.content': 'non-empty',
      },
    ],
    [
      'a gap in the slots',
      { esms: { content: 'a {1} b {3}' } },
      'sms',
      { 'registrations.esms.content': '{2} missing' },
    ],
    ['slot zero', { esms: { content: 'a {0}' } }, 'sms', { 'registrations.esms.content': 'numbered from {1}: {0}' }],
    [
      'a slot twice',
      { esms: { content: '{1} {1}' } },
      'sms',
      { 'registrations.esms.content': '{1} appears more than once' },
    ],
    [
      'Loa placeholders',
      { esms: { content: 'Cai tai {{link}}' } },
      'sms',
      { 'registrations.esms.content': 'uses {{…}}' },
    ],
    [
      'VNPT without templateId',
      vnpt({ templateId: undefined, params }),
      'sms',
      { 'registrations.vnpt.templateId': '1-64' },
    ],
    ['VNPT bad labelId', vnpt({ labelId: 'a b', params }), 'sms', { 'registrations.vnpt.labelId': '1-64' }],
    ['VNPT empty text', vnpt({ text: '', params: {} }), 'sms', { 'registrations.vnpt.text': 'non-empty' }],
    [
      'VNPT params not an object',
      vnpt({ params: ['{{link}}'] }),
      'sms',
      { 'registrations.vnpt.params': 'slot number' },
    ],
    [
      'VNPT content instead',
      { vnpt: { content: 'x {1}' } },
      'sms',
      {
        'registrations.vnpt': 'unknown field content: vnpt-json registers templateId, labelId, text, params',
        'registrations.vnpt.templateId': '1-64',
        'registrations.vnpt.text': 'non-empty',
        'registrations.vnpt.params': 'must be an object',
      },
    ],
    [
      'VNPT slot without param',
      vnpt({ params: { '1': '{{name}}' } }),
      'sms',
      { 'registrations.vnpt.params.2': 'slot {2} of the text has no param' },
    ],
    [
      'VNPT param without slot',
      vnpt({ params: { ...params, '3': '{{unit}}' } }),
      'sms',
      { 'registrations.vnpt.params.3': 'the text has no slot {3}' },
    ],
    [
      'VNPT param "01"',
      vnpt({ params: { ...params, '01': '{{unit}}' } }),
      'sms',
      { 'registrations.vnpt.params.01': 'no slot {01}' },
    ],
    [
      'VNPT unknown placeholder',
      vnpt({ params: { ...params, '2': '{{lnk}}' } }),
      'sms',
      { 'registrations.vnpt.params.2': 'unknown placeholder {{lnk}}' },
    ],
    [
      'VNPT stray braces',
      vnpt({ params: { ...params, '2': '{{link}' } }),
      'sms',
      { 'registrations.vnpt.params.2': 'not a complete placeholder' },
    ],
    [
      'VNPT empty param',
      vnpt({ params: { ...params, '1': ' ' } }),
      'sms',
      { 'registrations.vnpt.params.1': 'is empty' },
    ],
    [
      'VNPT param not a string',
      vnpt({ params: { ...params, '1': 5 } }),
      'sms',
      { 'registrations.vnpt.params.1': 'must be a string' },
    ],
  ])('%s', (_case, value, channel, expected) => {
    const problems = registrationFieldProblems(value, channel as 'sms' | 'zns', GATEWAYS);
    expect(Object.fromEntries(problems.map((p) => [p.field, p.problems.join('; ')]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([f, s]) => [f, expect.stringContaining(s)])),
    );
  });
});

describe('registeredTextProblems', () => {
  it.each([
    ['So TTTT: cai tai {1}', [], [1]],
    ['{2} {1}', [], [1, 2]],
    ['no slots', [], []],
    ['{1} {3} {5}', ['slots must be numbered {1}..{5} without gaps: {2}, {4} missing'], []],
    ['{01}', ['slots are numbered from {1}: {01}'], []],
    ['{1}{2}{1}{2}', ['{1}, {2} appear more than once'], []],
  ])('%j', (text, problems, slots) => {
    expect(registeredTextProblems(text)).toEqual({ problems, slots });
  });
});
