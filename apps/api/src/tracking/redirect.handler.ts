import { Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
}
