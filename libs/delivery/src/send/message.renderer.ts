import { AppConfig, GatewayConfig } from '@loa/core';
import { RenderedSms, renderSmsFor, renderZnsParams } from '@loa/templates';
import { TemplateRow, SendContext } from './delivery.repository';

export type RenderedMessage =
  | ({ channel: 'sms' } & RenderedSms)
  | { channel: 'zns'; templateId: string; templateData: Record<string, string>; segments: 1; cost: number };

/** The person's message for one channel: SMS as the gateway carries it (`renderSmsFor`) or ZNS template_data. */
export function renderMessage(cfg: AppConfig, gw: GatewayConfig, d: SendContext, tpl: TemplateRow): RenderedMessage {
  const vars = {
    name: d.subscriberName,
    unit: d.unitName,
    link: `${cfg.api.publicBaseUrl.replace(/\/+$/, '')}/r/${d.linkCode}`,
    link_code: d.linkCode,
    brandname: d.brandname,
    phone_last4: d.phone.slice(-4),
  };
  if (tpl.channel === 'zns') {
    if (!tpl.znsTemplateId) throw new Error(`template ${tpl.id} has no zns_template_id`);
    return {
      channel: 'zns',
      templateId: tpl.znsTemplateId,
      templateData: renderZnsParams(tpl.znsParams ?? {}, vars),
      segments: 1,
      cost: gw.pricePerSegment,
    };
  }
  return { channel: 'sms', ...renderSmsFor(gw, tpl, vars) };
}
