import { DEMO_SMS_TEMPLATE } from './demo-templates';
import { longestFill } from './estimate';
import { varsFill } from './render';
import { registrationProblemsAt } from './registration-check';
import { registrationFieldProblems } from './registration-rules';
import { proposedRegistrations } from './registration-proposal';
import { DEMO_SMS_REGISTRATIONS, ParamTemplateRegistration } from './registrations';

const GATEWAYS = [
  { id: 'viettel', protocol: 'viettel-soap' as const },
  { id: 'vnpt', protocol: 'vnpt-json' as const, credentials: { templateId: '3001' } },
  { id: 'esms', protocol: 'esms-json' as const },
  { id: 'zalo', protocol: 'zalo-zns' as const },
];
const renderings = [
  { what: 'sample', fill: varsFill({ name: 'Trần Thị Bích', unit: 'Xã Tân Lễ', link: 'https://x.vn/r/ab' }) },
  { what: 'longest', fill: longestFill({ publicBaseUrl: 'https://x.vn', linkCodeLength: 8 }) },
];

describe('proposedRegistrations', () => {
  it('writes down the demo registrations', () => {
    const { vnpt, ...content } = proposedRegistrations(GATEWAYS, DEMO_SMS_TEMPLATE.body);
    const { vnpt: demoVnpt, ...demoContent } = DEMO_SMS_REGISTRATIONS;
    expect(content).toEqual(demoContent);
    const { labelId, ...demoTemplate } = demoVnpt as ParamTemplateRegistration;
    expect(labelId).toBe('1001'); // the demo names its label; a proposal leaves it to the gateway's config
    expect(vnpt).toStrictEqual(demoTemplate);
  });

  it.each([
    ['Chào {{name|bạn}} ({{ unit }}): cài Bluezone tại {{link}}', true],
    ['Chào {{name|bạn}} ({{ unit }}): cài Bluezone tại {{link}}', false],
    ['Không có tham số', true],
  ])('%j (unaccented %s) is valid and matches what it was proposed for', (body, unaccented) => {
    const regs = proposedRegistrations(GATEWAYS, body, unaccented);
    expect(Object.keys(regs)).toEqual(['viettel', 'vnpt', 'esms']);
    expect(registrationFieldProblems(regs, 'sms', GATEWAYS)).toEqual([]);
    const tpl = { label: 't', body, unaccented, registrations: regs };
    expect(registrationProblemsAt(GATEWAYS, tpl, renderings)).toEqual([]);
  });
});
