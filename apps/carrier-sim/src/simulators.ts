import { AppConfig } from '@loa/core';
import { callbackUrlFor } from '@loa/channels';
import { DEMO_SMS_REGISTRATIONS, DEMO_ZNS_TEMPLATE, isParamTemplate } from '@loa/templates';
import { DEFAULT_BRANDNAME, mergeRegistry, registryAdditions, SIM_OF } from './registry/from-registrations';
import { emptyRegistry, SimRegistry } from './registry/sim-registry';
import { createZaloProtocol } from './protocols/zalo.protocol';
import { esmsProtocol } from './protocols/esms.protocol';
import { viettelProtocol } from './protocols/viettel.protocol';
import { vnptProtocol } from './protocols/vnpt.protocol';
import { Protocol } from './protocol';
import { SimConfig, SimConfigPatch, SimName } from './sim-config';
import { SimServer } from './sim-server';
import { SimMessage, SimStatsSnapshot } from './sim-stats';

export interface SimHandle {
  readonly name: SimName;
  readonly url: string;
  stats(): SimStatsSnapshot;
  reset(): void;
  configure(patch: SimConfigPatch): SimConfig;
  config(): SimConfig;
  messages(phone?: string): SimMessage[];
  close(): Promise<void>;
}

export interface ZaloSimHandle extends SimHandle {
  /** A valid token pair without going through OAuth. */
  issueTokens(): { accessToken: string; refreshToken: string; expiresIn: number };
  expireAccessTokens(): void;
  /** The OA's permission withdrawn: every token refused until `reauthorise()` issues a new pair. */
  revokeAuthorisation(): void;
  reauthorise(): { accessToken: string; refreshToken: string; expiresIn: number };
}

export interface Simulators {
  viettel: SimHandle;
  vnpt: SimHandle;
  esms: SimHandle;
  zalo: ZaloSimHandle;
  all: SimHandle[];
  close(): Promise<void>;
}

export interface StartSimulatorsOptions {
  host?: string;
  /** Ports per simulator; 0 (the default) picks a free one. */
  ports?: Partial<Record<SimName, number>>;
  /**
   * The app's config: each simulator takes its credentials, rate and report URL from the gateway speaking its
   * protocol (and cfg.api.publicBaseUrl), and has the demo reminder registered. Without it, the simulators accept
   * nothing until configured.
   */
  config?: Pick<AppConfig, 'gateways' | 'api'>;
  /** Per-simulator settings applied on top. */
  overrides?: Partial<Record<SimName, SimConfigPatch>>;
}

/** Brandnames the demo registrations are registered under: campaigns' 'SO TTTT' and the CP code 'SOTTTT'. */
export const DEMO_BRANDNAMES = [DEFAULT_BRANDNAME, 'SOTTTT'];

/** The demo reminder (SMS and ZNS) as registered with the gateways of `cfg` (what `npm start` runs with). */
function demoRegistry(cfg: Pick<AppConfig, 'gateways'>, name: SimName): SimRegistry {
  // Only the demo registrations whose gateway is configured with the protocol they are shaped for.
  const registrations = Object.fromEntries(
    Object.entries(DEMO_SMS_REGISTRATIONS).filter(([id, reg]) => {
      const gw = cfg.gateways.find((g) => g.id === id);
      return gw && (gw.protocol === 'vnpt-json') === isParamTemplate(reg) && gw.channel === 'sms';
    }),
  );
  const { znsTemplateId, znsParams } = DEMO_ZNS_TEMPLATE;
  return DEMO_BRANDNAMES.reduce((registry, brandname) => {
    const add = registryAdditions(cfg.gateways, { registrations, znsTemplateId, znsParams, brandname })[name];
    return add ? mergeRegistry(registry, add) : registry;
  }, emptyRegistry());
}

function fromGateway(cfg: StartSimulatorsOptions['config'], name: SimName): SimConfigPatch {
  const gw = cfg?.gateways.find((g) => SIM_OF[g.protocol] === name);
  if (!cfg || !gw) return {};
  const patch: SimConfigPatch = {
    rate: gw.ratePerSecond,
    credentials: { ...gw.credentials },
    webhookUrl: callbackUrlFor(cfg, gw.id),
    registry: demoRegistry(cfg, name),
  };
  if (name === 'zalo') {
    patch.credentials = { oaSecretKey: gw.webhookSecret, ...gw.credentials };
    patch.zalo = { seedRefreshTokens: gw.credentials.refreshToken ? [gw.credentials.refreshToken] : [] };
  }
  return patch;
}

function handle(name: SimName, s: SimServer): SimHandle {
  return {
    name,
    get url() {
      return s.url;
    },
    stats: () => s.snapshot(),
    reset: () => s.reset(),
    configure: (p) => s.configure(p),
    config: () => s.config(),
    messages: (phone) => s.messages(phone),
    close: () => s.close(),
  };
}

/** Starts the four gateway simulators on real sockets (in-process: tests, bench, `main.ts`). */
export async function startSimulators(opts: StartSimulatorsOptions = {}): Promise<Simulators> {
  const host = opts.host ?? '127.0.0.1';
  const zaloProtocol = createZaloProtocol();
  const protocols: Record<SimName, Protocol> = {
    viettel: viettelProtocol,
    vnpt: vnptProtocol,
    esms: esmsProtocol,
    zalo: zaloProtocol,
  };
  const servers = {} as Record<SimName, SimServer>;
  try {
    for (const name of Object.keys(protocols) as SimName[]) {
      const s = new SimServer(protocols[name], fromGateway(opts.config, name));
      if (opts.overrides?.[name]) s.configure(opts.overrides[name]);
      servers[name] = await s.listen(opts.ports?.[name] ?? 0, host);
    }
  } catch (e) {
    await Promise.all(Object.values(servers).map((s) => s.close()));
    throw e;
  }
  const zalo: ZaloSimHandle = {
    ...handle('zalo', servers.zalo),
    issueTokens: () => zaloProtocol.issue(servers.zalo.config().zalo.tokenTtlSec),
    expireAccessTokens: () => zaloProtocol.expireAccessTokens(),
    revokeAuthorisation: () => zaloProtocol.revokeAuthorisation(),
    reauthorise: () => zaloProtocol.reauthorise(servers.zalo.config().zalo.tokenTtlSec),
  };
  const all = [handle('viettel', servers.viettel), handle('vnpt', servers.vnpt), handle('esms', servers.esms), zalo];
  return {
    viettel: all[0],
    vnpt: all[1],
    esms: all[2],
    zalo,
    all,
    close: async () => {
      await Promise.all(all.map((h) => h.close()));
    },
  };
}

/** Points a config's gateways at running simulators (mutates `cfg`; use inside testConfig's patch). */
export function pointGatewaysAt(cfg: Pick<AppConfig, 'gateways'>, sims: Record<SimName, { url: string }>): void {
  for (const gw of cfg.gateways) {
    switch (gw.protocol) {
      case 'viettel-soap':
        gw.endpoint = `${sims.viettel.url}/bulkapi`;
        break;
      case 'vnpt-json':
        gw.endpoint = `${sims.vnpt.url}/api/send`;
        break;
      case 'esms-json':
        gw.endpoint = sims.esms.url;
        break;
      case 'zalo-zns':
        gw.endpoint = sims.zalo.url;
        gw.oauthEndpoint = sims.zalo.url;
        break;
    }
  }
}
