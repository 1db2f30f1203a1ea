import { createHash } from 'node:crypto';
import { AppConfig } from '@loa/core';
import { TemplateRegistrations } from '@loa/templates';
import { mergeRegistry, registryAdditions, SIM_OF, SimTemplateSpec } from '../registry/from-registrations';
import { SimName } from '../sim-config';
import { Simulators } from '../simulators';

export type { SimTemplateSpec } from '../registry/from-registrations';

/**
 * Registers a Loa template with the simulators, as an operator registers it with the real gateways: each
 * registration (keyed by gateway id) at the simulator of that gateway's protocol — content patterns under
 * `tpl.brandname` at Viettel/eSMS, templates at VNPT — and the ZNS template (approved, its params' names) at Zalo.
 */
export function registerAtSimulators(sims: Simulators, cfg: Pick<AppConfig, 'gateways'>, tpl: SimTemplateSpec): void {
  for (const [name, add] of Object.entries(registryAdditions(cfg.gateways, tpl))) {
    const sim = sims[name as SimName];
    sim.configure({ registry: mergeRegistry(sim.config().registry, add!) });
  }
}

/** A stable numeric VNPT template id for a text (tests need not invent one). */
const templateIdFor = (text: string): string =>
  String(700_000 + (parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16) % 100_000));

/**
 * Registers `text` as it is — literal, or with `{1}`, `{2}`… slots — at every SMS gateway of `cfg`: as a content
 * pattern at Viettel/eSMS (under `brandname`), as a template at VNPT. Returns the VNPT template id, for
 * `OutboundSms.template` (`params` fill the slots, none when the text has none).
 */
export function registerSmsText(
  sims: Simulators,
  cfg: Pick<AppConfig, 'gateways'>,
  text: string,
  opts: { brandname?: string; templateId?: string } = {},
): string {
  const templateId = opts.templateId ?? templateIdFor(text);
  const registrations: TemplateRegistrations = {};
  for (const gw of cfg.gateways) {
    if (gw.channel !== 'sms') continue;
    registrations[gw.id] = SIM_OF[gw.protocol] === 'vnpt' ? { templateId, text, params: {} } : { content: text };
  }
  registerAtSimulators(sims, cfg, { registrations, brandname: opts.brandname });
  return templateId;
}
