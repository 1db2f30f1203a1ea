import { OutboundSms } from '@loa/channels';
import { AppConfig, GatewayConfig } from '@loa/core';
import { isParamTemplate, renderParamSend, renderTemplate, renderZnsParams, smsInfo, varsFill } from '@loa/templates';
import { TemplateRow, SendContext } from './delivery.repository';

export type RenderedMessage =
  | {
      channel: 'sms';
      /** What the person receives: Loa's rendering, or for VNPT the registered text with its params filled. */
      text: string;
      unicode: boolean;
      segments: number;
      cost: number;
      /** VNPT: the registered template and its params; absent there when unregistered (the adapter refuses it). */
      template?: OutboundSms['template'];
    }
  | { channel: 'zns'; templateId: string; templateData: Record<string, string>; segments: 1; cost: number };

/**
 * The person's message for one channel: SMS text (unaccented per template) or ZNS template_data. A gateway that
 * sends registered templates with parameters (VNPT) gets the params from the template's registration there, and
 * the text — on which segments and cost are counted — is what it really sends: the registered text, filled.
 */
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
  let text = renderTemplate(tpl.body ?? '', vars, { unaccented: tpl.unaccented });
  let template: OutboundSms['template'];
  const reg = tpl.registrations?.[gw.id];
  if (gw.protocol === 'vnpt-json' && reg && isParamTemplate(reg)) {
    const sent = renderParamSend(reg, varsFill(vars), tpl.unaccented);
    text = sent.text;
    template = { templateId: reg.templateId, params: sent.params, ...(reg.labelId ? { labelId: reg.labelId } : {}) };
  }
  const info = smsInfo(text);
  return {
    channel: 'sms',
    text,
    unicode: info.encoding === 'UCS-2',
    segments: info.segments,
    cost: info.segments * gw.pricePerSegment,
    ...(template ? { template } : {}),
  };
}
