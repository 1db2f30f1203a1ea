import { loadConfig } from '@loa/core';
import { DEMO_SMS_REGISTRATIONS, DEMO_SMS_TEMPLATE, TemplateRegistrations } from '@loa/templates';
import { SendContext } from './delivery.repository';
import { renderMessage } from './message.renderer';
import { TemplateRow } from './template-row';

const cfg = loadConfig({});
const gw = (id: string) => cfg.gateways.find((g) => g.id === id)!;
const d = {
  subscriberName: 'Nguyễn Văn An',
  unitName: 'Xã Tân Lễ',
  linkCode: 'abcdefgh',
  brandname: 'SO TTTT',
  phone: '84912345678',
} as SendContext;
const link = `${cfg.api.publicBaseUrl}/r/abcdefgh`;
const demoText = `So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) phong COVID-19 tai ${link}`;
const sms = (registrations: TemplateRegistrations, body = DEMO_SMS_TEMPLATE.body): TemplateRow => ({
  id: 1,
  channel: 'sms',
  body,
  unaccented: true,
  znsTemplateId: null,
  znsParams: null,
  registrations,
});

describe('renderMessage', () => {
  it.each([
    // [gateway, registrations, text, template]
    ['viettel', DEMO_SMS_REGISTRATIONS, demoText, undefined],
    ['esms', {}, demoText, undefined],
    ['vnpt', DEMO_SMS_REGISTRATIONS, demoText, { templateId: '3001', labelId: '1001', params: [link] }],
    ['vnpt', {}, demoText, undefined], // unregistered: no template, so the adapter refuses it rather than send free text
    ['vnpt', { vnpt: { content: 'x {1}' } }, demoText, undefined],
  ])('%s with %j', (id, registrations, text, template) => {
    const m = renderMessage(cfg, gw(id), d, sms(registrations as TemplateRegistrations));
    expect(m).toMatchObject({ channel: 'sms', text, unicode: false, segments: 1 });
    expect(m.channel === 'sms' && m.template).toEqual(template ?? undefined);
  });

  it('VNPT sends the registered text filled with rendered params, and counts what it sends', () => {
    const registrations = {
      vnpt: {
        templateId: '77',
        text: 'Kinh gui {1}: hay cai dat Bluezone tai {2}. Moi thac mac xin lien he tong dai 1900 1234 (mien phi). Tran trong cam on quy khach da hop tac cung chung toi.',
        params: { '1': '{{name|ban}}', '2': '{{link}}' },
      },
    };
    const m = renderMessage(cfg, gw('vnpt'), d, sms(registrations, 'Cai Bluezone: {{link}}'));
    expect(m).toMatchObject({
      channel: 'sms',
      text: `Kinh gui Nguyen Van An: hay cai dat Bluezone tai ${link}. Moi thac mac xin lien he tong dai 1900 1234 (mien phi). Tran trong cam on quy khach da hop tac cung chung toi.`,
      template: { templateId: '77', params: ['Nguyen Van An', link] },
      segments: 2,
      cost: 2 * gw('vnpt').pricePerSegment,
    });
  });
});
