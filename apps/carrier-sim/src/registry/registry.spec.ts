import { loadConfig } from '@loa/core';
import { DEMO_SMS_REGISTERED_TEXT, DEMO_SMS_REGISTRATIONS, DEMO_ZNS_TEMPLATE } from '@loa/templates';
import { validatePatch } from '../sim-config';
import { Simulators, startSimulators } from '../simulators';
import { registerAtSimulators, registerSmsText } from '../testing/register';
import { isGsm7 } from './gsm7';
import { fillSlots, matchesPattern, slotGaps, slotNumbers } from './slots';

describe('registered texts with slots', () => {
  it.each([
    ['Ma cua ban la {1}', 'Ma cua ban la 2803', true],
    ['Ma cua ban la {1}', 'Ma cua ban la ', false],
    ['Ma cua ban la {1}', 'Ma cua ban la 2803.', true],
    ['Ma cua ban la {1}.', 'Ma cua ban la 2803', false],
    ['{1} oi, {2}', 'Nam oi, cai Bluezone: https://x.vn/r/a?b=(c)', true],
    ['Gia (VND): {1}', 'Gia (VND): 1.000', true],
    ['Gia (VND): {1}', 'Gia VND: 1.000', false],
    ['Dong 1\n{1}', 'Dong 1\nDong 2\nDong 3', true],
    ['Khong co o', 'Khong co o', true],
    ['Khong co o', 'khong co o', false],
  ])('pattern %j matches %j: %s', (pattern, content, expected) => {
    expect(matchesPattern(pattern, content)).toBe(expected);
  });

  it('numbers slots, finds gaps and fills them', () => {
    expect(slotNumbers('{2} a {1} b {2}')).toEqual([1, 2]);
    expect(slotGaps('{1} {3}')).toMatch(/found \{3\}/);
    expect(slotGaps('{1} {2}')).toBeNull();
    expect(slotGaps('none')).toBeNull();
    expect(
      fillSlots(
        '{1} oi, {2}; {1}',
        new Map([
          [1, 'Nam'],
          [2, 'x'],
        ]),
      ),
    ).toBe('Nam oi, x; Nam');
  });

  it.each([
    ['Cai dat Bluezone tai https://x.vn/r/ab', true],
    ['Chào à é ù', true],
    ['{}[]~^|€\\', true],
    ['Cài đặt', false],
    ['bạn', false],
  ])('%j is GSM 7-bit: %s', (text, expected) => expect(isGsm7(text)).toBe(expected));
});

describe('the registry in the control API', () => {
  it.each<[unknown, string[]]>([
    [{ registry: { brandnames: { 'SO TTTT': { contents: ['Ma {1}'] } } } }, []],
    [{ registry: { nope: {} } }, ['unknown key "registry.nope"']],
    [{ registry: [] }, ['"registry" must be an object']],
    [{ registry: { brandnames: { 'SO TTTT THAI BINH': { contents: [] } } } }, [expect.stringMatching(/at most 11/)]],
    [
      { registry: { brandnames: { B: { contents: 'Ma {1}' } } } },
      [expect.stringMatching(/contents" must be an array/)],
    ],
    [{ registry: { brandnames: { B: { contents: [], networks: ['vina'] } } } }, [expect.stringMatching(/networks/)]],
    [{ registry: { brandnames: { B: { contents: [], extra: 1 } } } }, ['unknown key "registry.brandnames.B.extra"']],
    [{ registry: { vnptTemplates: { '1': { labelId: '1001', text: '{1} {3}' } } } }, [expect.stringMatching(/gaps/)]],
    [{ registry: { vnptTemplates: { '1': { text: 'x' } } } }, [expect.stringMatching(/labelId/)]],
    [{ registry: { znsTemplates: { '1': { status: 'OK', params: [] } } } }, [expect.stringMatching(/status/)]],
    [
      { registry: { znsTemplates: { '1': { status: 'ENABLE', params: [{ name: 'n', maxLength: '9' }] } } } },
      [expect.stringMatching(/maxLength/)],
    ],
    [
      { registry: { znsTemplates: { '1': { status: 'ENABLE', params: [{ name: 'n', maxLength: 9, req: true }] } } } },
      ['unknown key "registry.znsTemplates.1.params.0.req"'],
    ],
    [{ credentials: { apiKey: 5 } }, ['"credentials" must map to strings']],
    [{ credentials: null }, ['"credentials" must be object']],
  ])('%j → %j', (patch, problems) => {
    expect(validatePatch(patch)).toEqual(problems);
  });
});

describe('registrations at the simulators', () => {
  let sims: Simulators;
  const cfg = loadConfig({ NODE_ENV: 'test' });
  beforeAll(async () => {
    sims = await startSimulators({ config: cfg });
  });
  afterAll(() => sims.close());

  it('start with the demo reminder registered (what npm start runs with)', () => {
    for (const brandname of ['SO TTTT', 'SOTTTT']) {
      expect(sims.viettel.config().registry.brandnames[brandname].contents).toEqual([DEMO_SMS_REGISTERED_TEXT]);
      expect(sims.esms.config().registry.brandnames[brandname].contents).toEqual([DEMO_SMS_REGISTERED_TEXT]);
    }
    expect(sims.vnpt.config().registry.vnptTemplates).toEqual({
      '3001': { labelId: '1001', text: DEMO_SMS_REGISTERED_TEXT },
    });
    const zns = sims.zalo.config().registry.znsTemplates[DEMO_ZNS_TEMPLATE.znsTemplateId];
    expect(zns.status).toBe('ENABLE');
    expect(zns.params.map((p) => p.name)).toEqual(['name', 'unit_name', 'link_code']);
  });

  it('adds a template’s registrations by gateway id, keeping what is there', () => {
    registerAtSimulators(sims, cfg, {
      registrations: {
        ...DEMO_SMS_REGISTRATIONS,
        viettel: { content: 'Khac {1}' },
        vnpt: { templateId: '3002', labelId: '1009', text: 'Khac {1}', params: { '1': '{{link}}' } },
      },
      znsTemplateId: '231001',
      znsParams: { name: '{{name}}' },
      brandname: 'SO TTTT',
    });
    expect(sims.viettel.config().registry.brandnames['SO TTTT'].contents).toEqual([
      DEMO_SMS_REGISTERED_TEXT,
      'Khac {1}',
    ]);
    expect(sims.vnpt.config().registry.vnptTemplates['3002']).toEqual({ labelId: '1009', text: 'Khac {1}' });
    expect(sims.vnpt.config().registry.vnptTemplates['3001']).toBeDefined();
    expect(sims.zalo.config().registry.znsTemplates['231001'].params).toEqual([
      expect.objectContaining({ name: 'name', require: true }),
    ]);
  });

  it('registers a plain SMS text everywhere and names its VNPT template', () => {
    const id = registerSmsText(sims, cfg, 'Chi mot dong', { brandname: 'SOTTTT' });
    expect(sims.esms.config().registry.brandnames.SOTTTT.contents).toContain('Chi mot dong');
    expect(sims.vnpt.config().registry.vnptTemplates[id]).toEqual({ labelId: '1001', text: 'Chi mot dong' });
  });

  it('refuses a registration for an unknown gateway or of the wrong shape', () => {
    expect(() => registerAtSimulators(sims, cfg, { registrations: { nope: { content: 'x' } } })).toThrow(/unknown/);
    expect(() => registerAtSimulators(sims, cfg, { registrations: { vnpt: { content: 'x' } } })).toThrow(/VNPT/);
  });
});
