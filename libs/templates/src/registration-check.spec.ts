import { DEMO_SMS_TEMPLATE } from './demo-templates';
import { longestFill } from './estimate';
import { varsFill } from './render';
import {
  fillSlots,
  matchContent,
  RegisteredTemplate,
  registrationProblems,
  registrationProblemsAt,
  renderParamSend,
  splitSlots,
} from './registration-check';
import { DEMO_SMS_REGISTERED_TEXT, DEMO_SMS_REGISTRATIONS } from './registrations';

const VIETTEL = { id: 'viettel', protocol: 'viettel-soap' as const };
const ESMS = { id: 'esms', protocol: 'esms-json' as const };
const VNPT = { id: 'vnpt', protocol: 'vnpt-json' as const };
const ZALO = { id: 'zalo', protocol: 'zalo-zns' as const };
const ctx = { publicBaseUrl: 'http://127.0.0.1:3000', linkCodeLength: 8 };
const sample = { what: 'sample', fill: varsFill({ name: 'Nguyễn Văn An', link: 'https://x.vn/r/abcdefgh' }) };
const longest = { what: 'longest', fill: longestFill(ctx) };

describe('matchContent: literal parts exactly, each slot ≥ 1 character', () => {
  it.each([
    // [pattern, text, slot values or null]
    ['Cai Bluezone tai {1}', 'Cai Bluezone tai https://x.vn/r/ab', ['https://x.vn/r/ab']],
    ['Cai Bluezone tai {1}', 'Cai Bluezone tai ', null], // the slot needs a character
    ['Cai Bluezone tai {1}', 'cai Bluezone tai x', null], // case counts
    ['Cai Bluezone tai {1}', 'Cai  Bluezone tai x', null], // so do spaces
    ['Cai Bluezone tai {1}', 'Cai Bluezone tai x.', ['x.']], // a slot takes any text, to the end
    ['Cai Bluezone tai {1}.', 'Cai Bluezone tai x', null], // the literal tail is missing
    ['Chao {1}, cai tai {2}', 'Chao An, cai tai L', ['An', 'L']],
    ['Chao {1}, cai tai {2}', 'Chao An, Binh, cai tai L', ['An, Binh', 'L']], // a slot may contain the separator
    ['Chao {1}, cai tai {2}', 'Chao , cai tai L', null],
    ['Chao {1}, {2}', 'Chao a, b, c', ['a', 'b, c']],
    ['{1}{2}', 'ab', ['a', 'b']],
    ['{1}{2}', 'a', null],
    ['{1}-{2}-{3}', 'a-b-c-d', ['a', 'b', 'c-d']],
    ['{1}x{2}x', 'axbx', ['a', 'b']],
    ['{1}x{2}x', 'axx', null],
    ['No slots at all', 'No slots at all', []],
    ['No slots at all', 'No slots at all.', null],
    ['Tỉnh {1}', 'Tỉnh Thái Bình', ['Thái Bình']],
    ['Tỉnh {1}', 'Tỉnh Thái Bình'.normalize('NFD'), null], // exact: Unicode form counts (Loa sends NFC)
    ['Line\n{1}', 'Line\nsecond\nthird', ['second\nthird']],
  ])('%j ~ %j → %j', (pattern, text, values) => {
    expect(matchContent(pattern, text)).toEqual(values);
  });

  it('many adjacent slots over long text: no match when the literal tail is missing', () => {
    const pattern = Array.from({ length: 20 }, (_, i) => `{${i + 1}}`).join('') + '!';
    expect(matchContent(pattern, 'a'.repeat(5000))).toBeNull();
  });
});

describe('slots', () => {
  it.each([
    ['a {1} b {2}', ['a ', ' b ', ''], [1, 2]],
    ['{2}{1}', ['', '', ''], [2, 1]],
    ['none', ['none'], []],
    ['{x} {{1}}', ['{x} {', '}'], [1]],
  ])('splitSlots(%j)', (text, literals, slots) => {
    expect(splitSlots(text)).toEqual({ literals, slots });
  });

  it('fills slots by number', () => {
    expect(fillSlots('{2}, {1}!', ['a', 'b'])).toBe('b, a!');
    expect(fillSlots('{3}', ['a'])).toBe('{3}');
  });

  it('renders VNPT params like the body: same values, unaccented with the template', () => {
    const reg = { templateId: '1', text: 'Chao {1}, cai tai {2}', params: { '1': '{{name|bạn}}', '2': '{{link}}' } };
    expect(renderParamSend(reg, sample.fill, true)).toEqual({
      params: ['Nguyen Van An', 'https://x.vn/r/abcdefgh'],
      text: 'Chao Nguyen Van An, cai tai https://x.vn/r/abcdefgh',
    });
    expect(renderParamSend(reg, varsFill({}), false).params).toEqual(['bạn', '']);
  });
});

describe('registrationProblems', () => {
  const demo: RegisteredTemplate = {
    label: 'template 12',
    body: DEMO_SMS_TEMPLATE.body,
    unaccented: true,
    registrations: DEMO_SMS_REGISTRATIONS,
  };
  const greet = (registrations: RegisteredTemplate['registrations'], unaccented = true): RegisteredTemplate => ({
    label: 'template 7',
    body: 'Chào {{name|bạn}}, cài Bluezone: {{link}}',
    unaccented,
    registrations,
  });

  it('the demo registrations match the demo template at every default gateway, sample and longest', () => {
    expect(registrationProblemsAt([VIETTEL, VNPT, ESMS, ZALO], demo, [sample, longest])).toEqual([]);
  });

  it.each([
    // [case, gateway, template, expected problems]
    ['not registered at VNPT', VNPT, { ...demo, registrations: {} }, ['VNPT (vnpt): template 12 is not registered']],
    [
      'not registered at Viettel',
      VIETTEL,
      { ...demo, registrations: {} },
      ['Viettel (viettel): template 12 is not registered'],
    ],
    ['Zalo registers nothing', ZALO, { ...demo, registrations: {} }, []],
    [
      'content where VNPT needs params',
      VNPT,
      { ...demo, registrations: { vnpt: { content: DEMO_SMS_REGISTERED_TEXT } } },
      [expect.stringMatching(/^VNPT \(vnpt\): template 12 is registered as content; vnpt-json needs/)],
    ],
    [
      'params where Viettel needs content',
      VIETTEL,
      { ...demo, registrations: { viettel: DEMO_SMS_REGISTRATIONS.vnpt } },
      [expect.stringMatching(/^Viettel \(viettel\): template 12 is registered as a template with params/)],
    ],
    [
      'registered content differs',
      ESMS,
      { ...demo, registrations: { esms: { content: 'Sở TTTT: cài Bluezone tại {1}' } } },
      [
        'eSMS (esms): the sample rendering "So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) ' +
          'phong COVID-19 tai https://x.vn/r/abcdefgh" does not match the registered content "Sở TTTT: cài Bluezone tại {1}"',
      ],
    ],
    [
      'registered accented, sent unaccented',
      VIETTEL,
      greet({ viettel: { content: 'Chào {1}, cài Bluezone: {2}' } }),
      [expect.stringContaining('the sample rendering "Chao Nguyen Van An, cai Bluezone: https://x.vn/r/abcdefgh"')],
    ],
    ['registered unaccented, matching', VIETTEL, greet({ viettel: { content: 'Chao {1}, cai Bluezone: {2}' } }), []],
    [
      'VNPT: the whole message pasted into {1} (the old garbled double message)',
      VNPT,
      { ...demo, registrations: { vnpt: { ...DEMO_SMS_REGISTRATIONS.vnpt, params: { '1': DEMO_SMS_TEMPLATE.body } } } },
      [
        expect.stringContaining(
          'VNPT would send "So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) phong COVID-19 tai So TTTT Thai Binh:',
        ),
      ],
    ],
    [
      'VNPT: params fill the registered slots as the body renders',
      VNPT,
      greet({
        vnpt: {
          templateId: '9',
          text: 'Chao {1}, cai Bluezone: {2}',
          params: { '1': '{{name|bạn}}', '2': '{{link}}' },
        },
      }),
      [],
    ],
    [
      'VNPT: params swapped',
      VNPT,
      greet({
        vnpt: {
          templateId: '9',
          text: 'Chao {1}, cai Bluezone: {2}',
          params: { '1': '{{link}}', '2': '{{name|bạn}}' },
        },
      }),
      [
        'VNPT (vnpt): VNPT would send "Chao https://x.vn/r/abcdefgh, cai Bluezone: Nguyen Van An" where template 7 ' +
          'renders "Chao Nguyen Van An, cai Bluezone: https://x.vn/r/abcdefgh" (sample values)',
      ],
    ],
    [
      'VNPT: registered text accented, template unaccented',
      VNPT,
      greet({
        vnpt: {
          templateId: '9',
          text: 'Chào {1}, cài Bluezone: {2}',
          params: { '1': '{{name|bạn}}', '2': '{{link}}' },
        },
      }),
      [expect.stringContaining('VNPT would send "Chào Nguyen Van An, cài Bluezone:')],
    ],
    [
      'VNPT: accented template, accented registration',
      VNPT,
      greet(
        {
          vnpt: {
            templateId: '9',
            text: 'Chào {1}, cài Bluezone: {2}',
            params: { '1': '{{name|bạn}}', '2': '{{link}}' },
          },
        },
        false,
      ),
      [],
    ],
  ])('%s', (_case, gw, tpl, expected) => {
    expect(registrationProblems(gw, tpl as RegisteredTemplate, [sample, longest])).toEqual(expected);
  });

  it('reports the first failing rendering only, naming it', () => {
    // Matches the sample, not the longest: the registered text hard-codes the sample's name.
    const tpl = greet({ viettel: { content: 'Chao Nguyen Van An, cai Bluezone: {1}' } });
    const problems = registrationProblems(VIETTEL, tpl, [sample, longest]);
    expect(problems).toEqual([expect.stringMatching(/^Viettel \(viettel\): the longest rendering "Chao Nguyen Thi/)]);
  });

  it('says when a VNPT slot renders empty', () => {
    const tpl = greet({
      vnpt: { templateId: '9', text: 'Chao {1}, cai Bluezone: {2}', params: { '1': '{{name|bạn}}', '2': '{{link}}' } },
    });
    const noLink = { what: 'no-link', fill: varsFill({ name: 'An' }) };
    expect(registrationProblems(VNPT, tpl, [noLink])).toEqual([
      'VNPT (vnpt): slot {2} is empty with the no-link values (a slot needs ≥ 1 character)',
    ]);
  });

  it('checks each gateway once', () => {
    expect(registrationProblemsAt([VNPT, VNPT, ESMS], { ...demo, registrations: {} }, [sample])).toEqual([
      'VNPT (vnpt): template 12 is not registered',
      'eSMS (esms): template 12 is not registered',
    ]);
  });
});
