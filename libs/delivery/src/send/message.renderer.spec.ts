import { gatewayFor } from '@loa/channels';
import { loadConfig } from '@loa/core';
import { SendContext, TemplateRow } from './delivery.repository';
import { renderMessage } from './message.renderer';

const cfg = loadConfig({});
const vnpt = gatewayFor(cfg, 'vnpt');
const d = { phone: '84912345678', linkCode: 'ab12', subscriberName: 'Nguyễn Nam', unitName: null } as SendContext;
const row: TemplateRow = {
  id: 1,
  channel: 'sms',
  body: 'Chào {{name|bạn}}: {{link}}',
  unaccented: true,
  znsTemplateId: null,
  znsParams: null,
};
const link = `${cfg.api.publicBaseUrl}/r/ab12`;
const registered = {
  ...row,
  registrations: {
    vnpt: {
      templateId: '3101',
      labelId: '1009',
      text: 'Chao {1}: {2}',
      params: { '2': '{{link}}', '1': '{{name|ban}}' },
    },
  },
};

describe('the VNPT template an SMS goes out under (interim, issue 10)', () => {
  it.each<[string, TemplateRow, Record<string, string>, object | undefined]>([
    [
      'its registration, slots rendered like the body',
      registered,
      {},
      { templateId: '3101', labelId: '1009', params: ['Nguyen Nam', link] },
    ],
    ['none without a registration', row, {}, undefined],
    [
      'the whole text in the gateway’s single-slot template',
      row,
      { wholeTextTemplateId: '3999' },
      { templateId: '3999', params: [`Chao Nguyen Nam: ${link}`] },
    ],
  ])('%s', (_n, tpl, credentials, expected) => {
    const gw = { ...vnpt, credentials: { ...vnpt.credentials, ...credentials } };
    const msg = renderMessage(cfg, gw, d, tpl);
    expect(msg).toMatchObject({ channel: 'sms', text: `Chao Nguyen Nam: ${link}` });
    expect(msg.channel === 'sms' && msg.template).toEqual(expected ?? undefined);
  });
});
