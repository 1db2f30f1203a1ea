import { fillPlaceholders } from './render';
import { REGISTRATION_KINDS, RegistrationGateway } from './registration-check';
import { TemplateRegistrations } from './registrations';
import { unaccent } from './unaccent';

/**
 * What to register at each SMS gateway for this body so that it matches: the body's text as it is sent (unaccented
 * if the template is), each placeholder use a slot {1}, {2}… in order; for VNPT each slot's param is that
 * placeholder. It writes the registration down (the text to submit to the carrier, the seed's and tests'
 * registrations); the carrier must really hold it. `templateId`: VNPT's id for it (default: the gateway's
 * configured `templateId` credential).
 */
export function proposedRegistrations(
  gateways: readonly (RegistrationGateway & { credentials?: Record<string, string> })[],
  body: string,
  unaccented = true,
  templateId?: string,
): TemplateRegistrations {
  const params: Record<string, string> = {};
  let n = 0;
  const text = fillPlaceholders(body, (use) => {
    params[String(++n)] = use.raw;
    return `{${n}}`;
  });
  const sent = unaccented ? unaccent(text) : text.normalize('NFC');
  const out: TemplateRegistrations = {};
  for (const gw of gateways) {
    const kind = REGISTRATION_KINDS[gw.protocol];
    if (kind === 'content') out[gw.id] = { content: sent };
    if (kind === 'params') {
      out[gw.id] = { templateId: templateId ?? gw.credentials?.templateId ?? '1', text: sent, params: { ...params } };
    }
  }
  return out;
}
