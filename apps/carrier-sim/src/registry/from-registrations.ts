import { GatewayConfig } from '@loa/core';
import { isParamTemplate, TemplateRegistrations } from '@loa/templates';
import { SimName } from '../sim-config';
import { SimRegistry, ZnsParamSpec } from './sim-registry';

/** Which simulator speaks a gateway protocol. */
export const SIM_OF: Record<GatewayConfig['protocol'], SimName> = {
  'viettel-soap': 'viettel',
  'vnpt-json': 'vnpt',
  'esms-json': 'esms',
  'zalo-zns': 'zalo',
};

/** The brandname campaigns and the demo send under (campaign e2e tests, seed data, the demo seed). */
export const DEFAULT_BRANDNAME = 'SO TTTT';

/** Generous enough for any name or unit of the demo data; tests that check lengths register their own. */
export const GENEROUS_ZNS_MAX_LENGTH = 200;

/** A Loa template as the simulators need to know it: its registrations, or its ZNS template and params. */
export interface SimTemplateSpec {
  /** Gateway id → registration (libs/templates/src/registrations.ts). */
  registrations?: TemplateRegistrations | null;
  znsTemplateId?: string | null;
  /** ZNS param name → Loa expression; only the names matter here. */
  znsParams?: Record<string, string> | null;
  /** Viettel ServiceID / eSMS Brandname the content is registered under (default DEFAULT_BRANDNAME). */
  brandname?: string;
}

type Additions = Partial<Record<SimName, Partial<SimRegistry>>>;

/** What registering `tpl` adds to each simulator's registry, for the gateways of `gateways`. */
export function registryAdditions(gateways: readonly GatewayConfig[], tpl: SimTemplateSpec): Additions {
  const add: Additions = {};
  const brandname = tpl.brandname ?? DEFAULT_BRANDNAME;
  for (const [gatewayId, reg] of Object.entries(tpl.registrations ?? {})) {
    const gw = gateways.find((g) => g.id === gatewayId);
    if (!gw) throw new Error(`registration for unknown gateway "${gatewayId}"`);
    const sim = SIM_OF[gw.protocol];
    if (sim === 'vnpt') {
      if (!isParamTemplate(reg)) throw new Error(`gateway "${gatewayId}" (VNPT) needs {templateId, text, params}`);
      const labelId = reg.labelId ?? gw.credentials.labelId ?? '';
      add.vnpt = { vnptTemplates: { ...add.vnpt?.vnptTemplates, [reg.templateId]: { labelId, text: reg.text } } };
    } else if (sim === 'viettel' || sim === 'esms') {
      if (isParamTemplate(reg)) throw new Error(`gateway "${gatewayId}" matches content: needs {content}`);
      const contents = [...(add[sim]?.brandnames?.[brandname]?.contents ?? []), reg.content];
      add[sim] = { brandnames: { [brandname]: { contents } } };
    } else throw new Error(`gateway "${gatewayId}" is not an SMS gateway`);
  }
  if (tpl.znsTemplateId) {
    const params: ZnsParamSpec[] = Object.keys(tpl.znsParams ?? {}).map((name) => ({
      name,
      maxLength: GENEROUS_ZNS_MAX_LENGTH,
      require: true,
    }));
    add.zalo = { znsTemplates: { [tpl.znsTemplateId]: { status: 'ENABLE', params } } };
  }
  return add;
}

/** `current` with `add` merged in: brandnames' contents united, templates added or replaced by id. */
export function mergeRegistry(current: SimRegistry, add: Partial<SimRegistry>): SimRegistry {
  const brandnames = { ...current.brandnames };
  for (const [name, b] of Object.entries(add.brandnames ?? {})) {
    const before = brandnames[name];
    const contents = [...new Set([...(before?.contents ?? []), ...b.contents])];
    brandnames[name] = { ...before, ...b, contents };
  }
  return {
    brandnames,
    vnptTemplates: { ...current.vnptTemplates, ...add.vnptTemplates },
    znsTemplates: { ...current.znsTemplates, ...add.znsTemplates },
  };
}
