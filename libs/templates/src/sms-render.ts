import { renderParamSend } from './registration-check';
import { isParamTemplate, TemplateRegistrations } from './registrations';
import { renderTemplate, TemplateVars, varsFill } from './render';
import { smsInfo } from './sms-info';

/** What an SMS rendering needs of a template. */
export interface SmsTemplateSource {
  body: string | null;
  unaccented: boolean;
  registrations?: TemplateRegistrations | null;
}

/** What an SMS rendering needs of the gateway that will carry it. */
export interface SmsGatewaySource {
  id: string;
  protocol: string;
  pricePerSegment: number;
}

export interface RenderedSms {
  /** What the person receives: Loa's rendering, or for VNPT the registered text with its params filled. */
  text: string;
  unicode: boolean;
  segments: number;
  cost: number;
  /** VNPT: the registered template and its params; absent there when unregistered (the adapter refuses it). */
  template?: { templateId: string; labelId?: string; params: string[] };
}

/**
 * One person's SMS as a gateway will carry it, and what it costs there. A gateway that sends registered templates
 * with parameters (VNPT) gets the params from the template's registration there, and the text — on which segments
 * and cost are counted — is what it really sends: the registered text, filled. The send path and the campaign
 * preview both count parts with this, so the preview's cost is what statistics later report.
 */
export function renderSmsFor(gw: SmsGatewaySource, tpl: SmsTemplateSource, vars: TemplateVars): RenderedSms {
  let text = renderTemplate(tpl.body ?? '', vars, { unaccented: tpl.unaccented });
  let template: RenderedSms['template'];
  const reg = tpl.registrations?.[gw.id];
  if (gw.protocol === 'vnpt-json' && reg && isParamTemplate(reg)) {
    const sent = renderParamSend(reg, varsFill(vars), tpl.unaccented);
    text = sent.text;
    template = { templateId: reg.templateId, params: sent.params, ...(reg.labelId ? { labelId: reg.labelId } : {}) };
  }
  const info = smsInfo(text);
  return {
    text,
    unicode: info.encoding === 'UCS-2',
    segments: info.segments,
    cost: info.segments * gw.pricePerSegment,
    ...(template ? { template } : {}),
  };
}
