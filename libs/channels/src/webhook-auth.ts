import { timingSafeEqual } from 'node:crypto';
import { AppConfig, GatewayConfig } from '@loa/core';
import { InvalidReportError, RawRequest } from './channel.types';

/** Constant-time string equality (length leak only). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function header(req: RawRequest, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === want) return first(v);
  return undefined;
}

/** Carriers' reports authenticate by the secret in the callback URL we gave them: `?secret=`. */
export function assertUrlSecret(gw: GatewayConfig, req: RawRequest): void {
  const secret = first(req.query.secret);
  if (!secret) throw new InvalidReportError(`${gw.id}: report without ?secret=`, 401);
  if (!safeEqual(secret, gw.webhookSecret)) throw new InvalidReportError(`${gw.id}: wrong report secret`, 403);
}

/**
 * Where a gateway sends delivery reports. Carriers authenticate by `?secret=`; Zalo signs its requests (mac),
 * so its URL carries no secret. The tracking module serves `POST|GET /webhooks/:gatewayId`.
 */
export function callbackUrlFor(cfg: Pick<AppConfig, 'api' | 'gateways'>, gatewayId: string): string {
  const gw = cfg.gateways.find((g) => g.id === gatewayId);
  if (!gw) throw new Error(`unknown gateway "${gatewayId}"`);
  const base = cfg.api.publicBaseUrl.replace(/\/+$/, '');
  const url = `${base}/webhooks/${encodeURIComponent(gw.id)}`;
  return gw.protocol === 'zalo-zns' ? url : `${url}?secret=${encodeURIComponent(gw.webhookSecret)}`;
}

export function bodyText(gw: GatewayConfig, req: RawRequest): string {
  if (!req.rawBody || req.rawBody.length === 0) throw new InvalidReportError(`${gw.id}: empty report body`, 400);
  return req.rawBody.toString('utf8');
}

export function parseJsonBody(gw: GatewayConfig, req: RawRequest): unknown {
  try {
    return JSON.parse(bodyText(gw, req));
  } catch (e) {
    if (e instanceof InvalidReportError) throw e;
    throw new InvalidReportError(`${gw.id}: report body is not JSON`, 400);
  }
}
