import { AppConfig, GatewayConfig, loadConfig } from '@loa/core';
import {
  EsmsJsonAdapter,
  Gateway,
  GatewayHttp,
  GatewayRegistry,
  ViettelSoapAdapter,
  VnptJsonAdapter,
  ZaloZnsAdapter,
} from '@loa/channels';
import { pointGatewaysAt, Simulators, startSimulators } from '../simulators';
import { ReportRecorder } from './report-recorder';

export interface ChannelRig {
  cfg: AppConfig;
  sims: Simulators;
  registry: GatewayRegistry;
  recorder: ReportRecorder;
  gw(id: string): GatewayConfig;
  close(): Promise<void>;
}

/**
 * Adapters + simulators + a report recorder over real sockets, no database: what the channel integration tests
 * need. Gateways are those of config/default.json, pointed at the simulators, with `patch` applied.
 */
export async function startChannelRig(patch: (cfg: AppConfig) => void = () => undefined): Promise<ChannelRig> {
  const cfg = structuredClone(loadConfig({ NODE_ENV: 'test' }));
  const http = new GatewayHttp();
  const registry = new GatewayRegistry(
    new ViettelSoapAdapter(http),
    new VnptJsonAdapter(http),
    new EsmsJsonAdapter(http),
    new ZaloZnsAdapter(http),
  );
  const byId = new Map<string, { gw: GatewayConfig; adapter: Gateway }>();
  const recorder = await new ReportRecorder(byId).start();
  cfg.api.publicBaseUrl = recorder.url;
  patch(cfg);
  for (const gw of cfg.gateways) byId.set(gw.id, { gw, adapter: registry.adapter(gw) });
  // Small report delays and retry pauses keep the tests quick; nothing asserts on them.
  const fast = { dlr: { delayMs: 10, retryDelayMs: 20 } };
  const sims = await startSimulators({
    config: cfg,
    overrides: { viettel: fast, vnpt: fast, esms: fast, zalo: fast },
  });
  pointGatewaysAt(cfg, sims);
  return {
    cfg,
    sims,
    registry,
    recorder,
    gw: (id) => {
      const g = cfg.gateways.find((x) => x.id === id);
      if (!g) throw new Error(`no gateway ${id}`);
      return g;
    },
    close: async () => {
      await sims.close();
      await recorder.close();
      await http.close();
    },
  };
}
