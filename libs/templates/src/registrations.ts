/**
 * What a Loa SMS template is registered as at each gateway (docs/templates.md, "Registrations"). Customer-care
 * brandname SMS must match a template registered with the carrier in advance; keyed by the configured gateway id,
 * the shape follows the gateway's protocol.
 *
 * Slots are written `{1}`, `{2}`… in registered text, as VNPT numbers its parameters.
 */

/** Viettel SOAP, eSMS: the registered content pattern; each `{n}` slot stands for a variable part (≥ 1 character). */
export interface ContentRegistration {
  content: string;
}

/**
 * VNPT: the registered template (TEMPLATEID under LABELID) with numbered slots, and for each slot the Loa template
 * expression that fills it (`{"1": "{{name|ban}}", "2": "{{link}}"}`). What the person receives is `text` with the
 * slots filled, sent as PARAMS `[{"NUM":"1","CONTENT":…}, …]`.
 */
export interface ParamTemplateRegistration {
  templateId: string;
  /** The brandname's label id at VNPT, when it is not the gateway's configured `labelId`. */
  labelId?: string;
  text: string;
  params: Record<string, string>;
}

export type GatewayRegistration = ContentRegistration | ParamTemplateRegistration;

/** Gateway id → registration of this template there. */
export type TemplateRegistrations = Record<string, GatewayRegistration>;

export const isParamTemplate = (r: GatewayRegistration): r is ParamTemplateRegistration =>
  typeof (r as ParamTemplateRegistration).templateId === 'string';

/** The demo reminder's registered text (unaccented, as it is sent), its link in slot {1}. */
export const DEMO_SMS_REGISTERED_TEXT =
  'So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) phong COVID-19 tai {1}';

/** How the demo seed registers the demo SMS reminder at the default gateways (config/default.json). */
export const DEMO_SMS_REGISTRATIONS: TemplateRegistrations = {
  viettel: { content: DEMO_SMS_REGISTERED_TEXT },
  esms: { content: DEMO_SMS_REGISTERED_TEXT },
  vnpt: { templateId: '3001', labelId: '1001', text: DEMO_SMS_REGISTERED_TEXT, params: { '1': '{{link}}' } },
};
