import { INestApplication, Logger } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ClickRecorderService, classifyUserAgent, LinkResolverService } from '@loa/tracking';
import { LINK_NOT_FOUND_HTML } from './not-found.page';

const NOT_FOUND_BODY = Buffer.from(LINK_NOT_FOUND_HTML);
const SERVER_ERROR_BODY = Buffer.from(JSON.stringify({ statusCode: 500, message: 'Internal server error' }));

/** Location must be a valid header: percent-encode what an operator may have typed raw (spaces, Vietnamese). */
const headerSafeUrl = (url: string) => url.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));

/** "/{code}" or "/{code}/" (query ignored) → the code; anything deeper is not a short link. */
export function codeOf(path: string): string | undefined {
  const q = path.indexOf('?');
  const p = q < 0 ? path : path.slice(0, q);
  const m = /^\/([^/]+)\/?$/.exec(p);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1]; // malformed escapes: the resolver's code check answers 404
  }
}

/**
 * `/r/{code}` without the framework: this is the one route hit by every person who taps a link, in bursts right
 * after each send, and Express + Nest's per-request machinery (router, guard, pino-http child logger, exception
 * layer) cost several times the redirect itself. Behaviour is the RedirectController's: 302 per platform, click XADDed
 * before answering (durable once Redis acknowledged it), HEAD answered and not recorded, bilingual 404 page.
 */
export class RedirectHandler {
  private readonly log = new Logger('Redirect');

  constructor(
    private readonly links: LinkResolverService,
    private readonly clicks: ClickRecorderService,
  ) {}

  /** Answers one request for `code`; `ip` is the client address as the app trusts it (proxy-aware). */
  async serve(code: string, req: IncomingMessage, res: ServerResponse, ip: string | undefined): Promise<void> {
    try {
      const target = await this.links.resolve(code);
      if (!target) {
        res.writeHead(404, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': NOT_FOUND_BODY.length,
          'Cache-Control': 'no-store',
        });
        res.end(NOT_FOUND_BODY);
        return;
      }
      const ua = req.headers['user-agent'];
      const { platform, uaClass } = classifyUserAgent(ua);
      const url = (platform === 'android' && target.android) || (platform === 'ios' && target.ios) || target.url;
      if (req.method === 'GET') {
        // The person is redirected even if Redis is unreachable; that click is then lost (logged).
        await this.clicks
          .record(target, platform, uaClass, ua, ip)
          .catch((e) => this.log.error(`click not recorded for ${code}: ${(e as Error).message}`));
      }
      // Every tap must reach us to be counted: no caching anywhere.
      res.writeHead(302, { Location: headerSafeUrl(url), 'Cache-Control': 'no-store', 'Content-Length': 0 });
      res.end();
    } catch (e) {
      this.log.error(`redirect ${code} failed: ${(e as Error).message}`);
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': SERVER_ERROR_BODY.length,
      });
      res.end(SERVER_ERROR_BODY);
    }
  }

  /**
   * Serves GET and HEAD of `/r/{code}` straight from the node:http server, in front of Express and every Nest
   * middleware; anything else goes on to Express unchanged (Nest documents the route in Swagger and answers other
   * methods). Measured: Express's own per-request work (router walk, prototype swaps) alone halved the throughput.
   */
  static mount(app: INestApplication): void {
    const handler = new RedirectHandler(app.get(LinkResolverService), app.get(ClickRecorderService));
    const express = app.getHttpAdapter().getInstance() as { get(setting: string): unknown };
    const server = app.getHttpServer() as Server;
    const others = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const url = req.url ?? '';
      const code =
        url.startsWith('/r/') && (req.method === 'GET' || req.method === 'HEAD') ? codeOf(url.slice(2)) : undefined;
      if (code === undefined) return others.forEach((l) => l(req, res));
      // Read at request time: 'trust proxy' is set after this is mounted.
      const trust = express.get('trust proxy fn') as TrustFn | undefined;
      void handler.serve(code, req, res, clientIp(req, trust));
    });
  }
}

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
