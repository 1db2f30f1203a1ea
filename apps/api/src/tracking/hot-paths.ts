import { INestApplication } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { GatewayRegistry } from '@loa/channels';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { ClickRecorderService, LinkResolverService, ReportInboxService } from '@loa/tracking';
import { codeOf, RedirectHandler } from './redirect.handler';
import { byteLimit } from '../http/request-body';
import { WebhookHandler } from './webhook.handler';
import { WebhookReceiver } from './webhook.receiver';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type TrustFn = (addr: string, hop: number) => boolean;

/**
 * The client address as Express's `req.ip` computes it (proxy-addr): walk from the socket peer back through
 * X-Forwarded-For while each hop is a trusted proxy ('trust proxy' setting); the first untrusted one is the client.
 */
export function clientIp(req: IncomingMessage, trust: TrustFn | undefined): string | undefined {
  const peer = req.socket.remoteAddress;
  const xff = req.headers['x-forwarded-for'];
  if (!peer || !trust || !xff) return peer;
  const hops = [
    peer,
    ...String(xff)
      .split(',')
      .map((s) => s.trim())
      .reverse(),
  ];
  for (let i = 0; i < hops.length - 1; i++) if (!trust(hops[i], i)) return hops[i];
  return hops[hops.length - 1];
}

/** "/webhooks/{gatewayId}[/]" → the id; anything else is not a webhook route. */
function gatewayOf(path: string): string | undefined {
  const m = /^\/webhooks\/([^/]+)\/?$/.exec(path);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/**
 * The tracking routes the public and the gateways hit at volume — GET/HEAD `/r/{code}` and GET/POST
 * `/webhooks/{gatewayId}` — served straight from the node:http server, in front of Express and every Nest
 * middleware; every other request goes on to Express unchanged (Nest still has both routes, documented in
 * Swagger, and serves them the same way for whatever is let through: compressed webhook bodies, other methods).
 * Measured on the redirect: Express's own per-request work (router walk, prototype swaps) halved the throughput,
 * and Nest's (guard, pino-http child logger, exception layer) took most of the rest. Call right after
 * NestFactory.create.
 */
export function mountTrackingHotPaths(app: INestApplication): void {
  const cfg = app.get<AppConfig>(APP_CONFIG);
  const redirect = new RedirectHandler(app.get(LinkResolverService), app.get(ClickRecorderService));
  const webhooks = new WebhookHandler(
    new WebhookReceiver(cfg, app.get(GatewayRegistry), app.get(ReportInboxService)),
    byteLimit(cfg.api.bodyLimit),
  );
  const express = app.getHttpAdapter().getInstance() as { get(setting: string): unknown };
  const server = app.getHttpServer() as Server;
  const others = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const method = req.method;
    // Read at request time: 'trust proxy' is set after this is mounted.
    const ip = () => clientIp(req, express.get('trust proxy fn') as TrustFn | undefined);
    if (path.startsWith('/r/') && (method === 'GET' || method === 'HEAD')) {
      const code = codeOf(path.slice(2));
      if (code !== undefined) return void redirect.serve(code, req, res, ip());
    } else if (path.startsWith('/webhooks/') && (method === 'GET' || method === 'POST')) {
      const gatewayId = gatewayOf(path);
      const encoding = req.headers['content-encoding'];
      // Compressed bodies go through Express's parsers (they inflate); gateways send them plain.
      if (gatewayId !== undefined && (!encoding || encoding === 'identity')) {
        return void webhooks.serve(gatewayId, q < 0 ? '' : url.slice(q + 1), req, res, ip());
      }
    }
    others.forEach((l) => l(req, res));
  });
}
