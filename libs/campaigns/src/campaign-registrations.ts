import { smsRoutes } from '@loa/channels';
import { AppConfig } from '@loa/core';
import {
  EstimateContext,
  registrationProblems,
  registrationRenderings,
  sparseRendering,
  TemplateRegistrations,
} from '@loa/templates';
import { ChannelStep } from './campaign.types';

/** A template as the registration check needs it. */
export interface RegistrationTemplateRow {
  id: number;
  channel: string;
  body: string | null;
  unaccented: boolean;
  znsTemplateId: string | null;
  znsParams: Record<string, string> | null;
  registrations: TemplateRegistrations | null;
}

export interface RegistrationCheck {
  /** Sending would be refused or garbled: preview lists them, scheduling is refused. */
  problems: string[];
  /** Only some people would be affected (no name or unit on file): shown, not refused. */
  warnings: string[];
}

/**
 * Before anything is sent: each SMS template of the campaign must be registered, matching its sample and longest
 * renderings, at every gateway of every route (failover included) of the audience's carriers; a ZNS template needs
 * its Zalo template id and params. `carriers`: the carriers of the people the segment matches.
 */
export function campaignRegistrationProblems(
  cfg: Pick<AppConfig, 'gateways' | 'routes'>,
  channels: ChannelStep[],
  templates: RegistrationTemplateRow[],
  carriers: string[],
  ctx: EstimateContext,
  brandname: string,
): RegistrationCheck {
  const out: RegistrationCheck = { problems: [], warnings: [] };
  for (const step of channels) {
    const t = templates.find((x) => x.id === step.templateId);
    if (!t) {
      out.problems.push(`template ${step.templateId} does not exist`);
      continue;
    }
    if (step.channel === 'zns') {
      if (!t.znsTemplateId || !t.znsParams || !Object.keys(t.znsParams).length) {
        out.problems.push(`Zalo: template ${t.id} has no Zalo template id and params (znsTemplateId, znsParams)`);
      }
      continue;
    }
    // Each routed gateway once, in configuration order (problems read the same whatever order carriers come in).
    const routed = new Set(carriers.flatMap((c) => smsRoutes(cfg, c)).map((g) => g.id));
    const gateways = cfg.gateways.filter((g) => routed.has(g.id));
    const tpl = {
      label: `template ${t.id}`,
      body: t.body ?? '',
      unaccented: t.unaccented,
      registrations: t.registrations ?? {},
    };
    const vars = { brandname };
    for (const gw of gateways) {
      const problems = registrationProblems(gw, tpl, registrationRenderings(ctx, vars));
      out.problems.push(...problems);
      if (!problems.length) out.warnings.push(...registrationProblems(gw, tpl, [sparseRendering(ctx, vars)]));
    }
  }
  return out;
}
