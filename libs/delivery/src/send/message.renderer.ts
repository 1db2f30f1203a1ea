import { AppConfig, GatewayConfig } from '@loa/core';
import { OutboundSms } from '@loa/channels';
import {
  isParamTemplate,
  renderTemplate,
  renderZnsParams,
  smsInfo,
  TemplateRegistrations,
  TemplateVars,
} from '@loa/templates';
import { TemplateRow, SendContext } from './delivery.repository';

export type RenderedMessage =
  | { channel: 'sms'; text: string; unicode: boolean; segments: number; cost: number; template?: SmsTemplateRef }
  | { channel: 'zns'; templateId: string; templateData: Record<string, string>; segments: 1; cost: number };

/** The person's message for one channel: SMS text (unaccented per template) or ZNS template_data. */
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
  const text = renderTemplate(tpl.body ?? '', vars, { unaccented: tpl.unaccented });
  const info = smsInfo(text);
  return {
    channel: 'sms',
    text,
    unicode: info.encoding === 'UCS-2',
    segments: info.segments,
    cost: info.segments * gw.pricePerSegment,
    template: registeredTemplate(gw, tpl, vars, text),
  };
}

type SmsTemplateRef = NonNullable<OutboundSms['template']>;

/**
 * Interim (issue 10; to be merged with the templates' `registrations` work): the registered template a
 * template-and-parameters gateway (VNPT) sends this message under — the template row's registration for this
 * gateway, its slots rendered like the body; else, when the gateway names a template registered as the single
 * slot `{1}` (`credentials.wholeTextTemplateId`, set by tests only), the whole text in that slot.
 */
function registeredTemplate(
  gw: GatewayConfig,
  tpl: TemplateRow & { registrations?: TemplateRegistrations | null },
  vars: TemplateVars,
  text: string,
): SmsTemplateRef | undefined {
  const reg = tpl.registrations?.[gw.id];
  if (reg && isParamTemplate(reg)) {
    const slots = Object.keys(reg.params).sort((a, b) => Number(a) - Number(b));
    const params = slots.map((n) => renderTemplate(reg.params[n], vars, { unaccented: tpl.unaccented }));
    return { templateId: reg.templateId, labelId: reg.labelId, params };
  }
  const whole = gw.credentials.wholeTextTemplateId;
  return whole ? { templateId: whole, params: [text] } : undefined;
}
