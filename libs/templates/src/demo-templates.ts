import { ZnsParamMapping } from './zns';

export interface DemoSmsTemplate {
  name: string;
  channel: 'sms';
  body: string;
  unaccented: true;
}

export interface DemoZnsTemplate {
  name: string;
  channel: 'zns';
  /** A placeholder id: the real one is issued by Zalo when the template is approved. */
  znsTemplateId: string;
  znsParams: ZnsParamMapping;
  /** Local copy of the approved content, for previews and the 400-character check. */
  body: string;
}

/**
 * The reminder the 2020 letters ask for (Sở TTTT directs carriers to send SMS asking citizens to install Bluezone,
 * "khẩu trang điện tử"). Written with diacritics, sent unaccented: the longest rendering, link included, is one
 * GSM-7 segment (tested), a sixth of the 6-segment Hải Dương bulletin of 2021.
 */
export const DEMO_SMS_TEMPLATE: DemoSmsTemplate = {
  name: 'Nhắc cài đặt Bluezone (SMS)',
  channel: 'sms',
  body: 'Sở TTTT Thái Bình: Đề nghị cài đặt ứng dụng Bluezone (khẩu trang điện tử) phòng COVID-19 tại {{link}}',
  unaccented: true,
};

export const DEMO_ZNS_TEMPLATE: DemoZnsTemplate = {
  name: 'Nhắc cài đặt Bluezone (Zalo ZNS)',
  channel: 'zns',
  znsTemplateId: '248196',
  znsParams: { name: '{{name|Quý khách}}', unit_name: '{{unit}}', link_code: '{{link_code}}' },
  body:
    'Kính gửi {{name|Quý khách}} ({{unit}}): Sở TTTT Thái Bình đề nghị Quý khách cài đặt ứng dụng Bluezone ' +
    '"khẩu trang điện tử" để bảo vệ mình và cộng đồng trước dịch COVID-19. Bấm "Cài đặt Bluezone" bên dưới.',
};
