import { Injectable } from '@nestjs/common';
import { AppConfig, Carrier, GatewayConfig } from '@loa/core';
import { ChannelKind, Gateway, SmsGateway, ZnsGateway } from './channel.types';
import { EsmsJsonAdapter } from './esms/esms-json.adapter';
import { ViettelSoapAdapter } from './viettel/viettel-soap.adapter';
import { VnptJsonAdapter } from './vnpt/vnpt-json.adapter';
import { ZaloZnsAdapter } from './zalo/zalo-zns.adapter';

/** Protocol → adapter. One stateless adapter per protocol serves every configured gateway speaking it. */
@Injectable()
export class GatewayRegistry {
  private readonly byProtocol: Record<GatewayConfig['protocol'], Gateway>;

  constructor(viettel: ViettelSoapAdapter, vnpt: VnptJsonAdapter, esms: EsmsJsonAdapter, zalo: ZaloZnsAdapter) {
    this.byProtocol = { 'viettel-soap': viettel, 'vnpt-json': vnpt, 'esms-json': esms, 'zalo-zns': zalo };
  }

  adapter(gw: GatewayConfig): Gateway {
    return this.byProtocol[gw.protocol];
  }

  sms(gw: GatewayConfig): SmsGateway {
    const a = this.adapter(gw);
    if (a.channel !== 'sms') throw new Error(`gateway "${gw.id}" (${gw.protocol}) is not an SMS gateway`);
    return a;
  }

  zns(gw: GatewayConfig): ZnsGateway {
    const a = this.adapter(gw);
    if (a.channel !== 'zns') throw new Error(`gateway "${gw.id}" (${gw.protocol}) is not a ZNS gateway`);
    return a;
  }
}

/** The configured gateway with this id; throws naming the id when there is none. */
export function gatewayFor(cfg: Pick<AppConfig, 'gateways'>, id: string): GatewayConfig {
  const gw = cfg.gateways.find((g) => g.id === id);
  if (!gw) throw new Error(`unknown gateway "${id}"`);
  return gw;
}

/** The SMS gateways routing this carrier (`cfg.routes`), in order of preference; empty when it has no route. */
export function smsRoutes(cfg: Pick<AppConfig, 'gateways' | 'routes'>, carrier: Carrier | string): GatewayConfig[] {
  return (cfg.routes[carrier as Carrier] ?? []).map((id) => gatewayFor(cfg, id));
}

/** The first (preferred) SMS gateway routing this carrier, or undefined when the carrier has no route. */
export function routeSms(cfg: Pick<AppConfig, 'gateways' | 'routes'>, carrier: Carrier): GatewayConfig | undefined {
  return smsRoutes(cfg, carrier)[0];
}

export type RouteList = { ok: true; gateways: GatewayConfig[] } | { ok: false; reason: string };

/**
 * Every gateway that may carry a channel to a carrier, in order of preference, from the configuration alone (no
 * breaker state: the preview's "which gateways might carry this"; the dispatcher picks among them, see `routeFor`
 * in @loa/delivery). ZNS: the one Zalo gateway; SMS: `routes[carrier]`.
 */
export function routeList(
  cfg: Pick<AppConfig, 'gateways' | 'routes'>,
  channel: ChannelKind,
  carrier: string,
): RouteList {
  if (channel === 'zns') {
    const gw = znsGateway(cfg);
    return gw ? { ok: true, gateways: [gw] } : { ok: false, reason: 'no Zalo ZNS gateway is configured' };
  }
  const ids = cfg.routes[carrier as Carrier] ?? [];
  if (!ids.length) return { ok: false, reason: `no SMS route for carrier "${carrier}"` };
  const gateways: GatewayConfig[] = [];
  for (const id of ids) {
    const gw = cfg.gateways.find((g) => g.id === id);
    if (!gw) return { ok: false, reason: `route for "${carrier}" names unknown gateway "${id}"` };
    gateways.push(gw);
  }
  return { ok: true, gateways };
}

/** The first configured ZNS gateway, if any. */
export function znsGateway(cfg: Pick<AppConfig, 'gateways'>): GatewayConfig | undefined {
  return cfg.gateways.find((g) => g.channel === 'zns');
}
