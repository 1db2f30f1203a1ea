import { EstimateContext, longestFill } from './estimate';
import { TemplateVars, varsFill } from './render';
import { Rendering } from './registration-check';

/** Values a preview uses where the caller gave none. */
export const SAMPLE_VARS: TemplateVars = {
  name: 'Nguyễn Văn An',
  unit: 'Xã Tân Lễ',
  brandname: 'SOTTTT',
  phone_last4: '5678',
};

/** SAMPLE_VARS with a link of the configured length (`<publicBaseUrl>/r/AAAAAAAA`), then `over` on top. */
export function sampleVars(ctx: EstimateContext, over: TemplateVars = {}): TemplateVars {
  const code = 'A'.repeat(ctx.linkCodeLength);
  return { ...SAMPLE_VARS, link: `${ctx.publicBaseUrl.replace(/\/+$/, '')}/r/${code}`, link_code: code, ...over };
}

/**
 * What a template is checked against its registrations with before anything is sent: the sample values and the
 * longest rendering (the estimate's, estimate.ts) — a registration must match both.
 */
export function registrationRenderings(ctx: EstimateContext, over: TemplateVars = {}): Rendering[] {
  return [
    { what: 'sample', fill: varsFill(sampleVars(ctx, over)) },
    { what: 'longest', fill: longestFill(ctx) },
  ];
}

/** A person with neither name nor unit on file (imports often lack them): a warning only, where it mismatches. */
export function sparseRendering(ctx: EstimateContext, over: TemplateVars = {}): Rendering {
  return { what: 'no name or unit', fill: varsFill({ ...sampleVars(ctx, over), name: null, unit: null }) };
}
