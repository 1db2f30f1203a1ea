import { BadRequestException } from '@nestjs/common';
import { EstimateContext, estimateLongestSms, estimateLongestZns, SmsEstimate, ZnsEstimate } from './estimate';
import { templateBodyProblems } from './render';
import { RegistrationGateway, registrationProblemsAt } from './registration-check';
import { FieldProblems, registrationFieldProblems } from './registration-rules';
import { TemplateRegistrations } from './registrations';
import { registrationRenderings } from './template-renderings';
import { ZNS_CONTENT_LIMIT, ZnsParamMapping, znsMappingProblems } from './zns';

export type TemplateChannel = 'sms' | 'zns';

export interface TemplateInput {
  name: string;
  channel: TemplateChannel;
  /** SMS text; for ZNS an optional local copy of the approved content (previews and the 400-character check). */
  body?: string | null;
  unaccented?: boolean;
  znsTemplateId?: string | null;
  znsParams?: ZnsParamMapping | null;
  /** SMS only: gateway id → what the template is registered as there (docs/templates.md, "Registrations"). */
  registrations?: TemplateRegistrations | null;
  unitId?: number | null;
}

export type NormalisedTemplate = Required<Omit<TemplateInput, 'unitId' | 'registrations'>> & {
  registrations: TemplateRegistrations;
};

export type TemplateEstimate = ({ channel: 'sms' } & SmsEstimate) | ({ channel: 'zns' } & ZnsEstimate);

/** A 400 in the shape of the global validation pipe's: every field problem at once. */
export function badRequest(problems: FieldProblems): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid request: ${problems.map((p) => `${p.field}: ${p.problems.join(', ')}`).join('; ')}`,
    fields: problems,
  });
}

export function normaliseTemplate(i: TemplateInput): NormalisedTemplate {
  return {
    name: i.name,
    channel: i.channel,
    body: i.body ?? null,
    unaccented: i.unaccented ?? true,
    znsTemplateId: i.channel === 'zns' ? (i.znsTemplateId ?? null) : null,
    znsParams: i.channel === 'zns' ? (i.znsParams ?? null) : null,
    registrations: i.registrations ?? {},
  };
}

/**
 * Every problem at once, each naming its field (400), else the longest-rendering estimate. Registrations are
 * validated against the configured gateways.
 */
export function checkTemplate(
  t: NormalisedTemplate,
  gateways: readonly RegistrationGateway[],
  ctx: EstimateContext,
): TemplateEstimate {
  const problems: FieldProblems = [];
  const add = (field: string, list: string[]) => list.length && problems.push({ field, problems: list });
  if (t.channel === 'sms') {
    if (!t.body?.trim()) add('body', ['an SMS template needs a body']);
    else add('body', templateBodyProblems(t.body));
  } else {
    if (!t.znsTemplateId) add('znsTemplateId', ['a ZNS template needs the template id Zalo issued']);
    if (!t.znsParams) add('znsParams', ['a ZNS template needs its params mapping']);
    else add('znsParams', znsMappingProblems(t.znsParams));
    if (t.body) add('body', templateBodyProblems(t.body));
  }
  problems.push(...registrationFieldProblems(t.registrations, t.channel, gateways));
  if (problems.length) throw badRequest(problems);
  if (t.channel === 'sms') return { channel: 'sms', ...estimateLongestSms(t.body!, t.unaccented, ctx) };
  const zns = estimateLongestZns(t.znsParams!, t.body, ctx);
  if (zns.characters > ZNS_CONTENT_LIMIT) {
    throw badRequest([
      {
        field: t.body ? 'body' : 'znsParams',
        problems: [`longest content is ${zns.characters} characters; Zalo allows ${ZNS_CONTENT_LIMIT}`],
      },
    ]);
  }
  return { channel: 'zns', ...zns };
}

/**
 * A valid template's registrations that would not deliver what it renders (sample or longest values), at the
 * gateways it is registered at. Not a 400 — body and registration may be edited one after the other — but
 * scheduling a campaign through such a gateway is refused.
 */
export function mismatchedRegistrations(
  t: NormalisedTemplate,
  gateways: readonly RegistrationGateway[],
  ctx: EstimateContext,
): string[] {
  if (t.channel !== 'sms' || !t.body) return [];
  const registered = gateways.filter((g) => g.id in t.registrations);
  return registrationProblemsAt(
    registered,
    { label: 'the template', body: t.body, unaccented: t.unaccented, registrations: t.registrations },
    registrationRenderings(ctx),
  );
}
