import { Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { RawRequest } from '@loa/channels';
import { WebhookReceiver } from './webhook.receiver';

class BodyTooLarge extends Error {}

/** "2mb", "512kb", "100" (bytes) → bytes: the same notation as the api's body parsers. */
export function byteLimit(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(s);
  if (!m) throw new Error(`api.bodyLimit "${s}" is not a size like "2mb"`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}

/** The exact bytes of a request body (signatures are computed over them), up to `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume(); // drain what is left, so the 413 can be answered
        reject(new BodyTooLarge(`The request body is larger than the ${limit}-byte limit`));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(size ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': json.length });
  res.end(json);
}

/**
 * Delivery-report webhooks without the framework: gateways send one request per report, in bursts as a
 * campaign's messages land, and Express + Nest's per-request work (router, guard, pino-http, body parsers)
 * cost more than storing the report. Same answers as WebhooksController (same WebhookReceiver).
 */
export class WebhookHandler {
  private readonly log = new Logger('Webhooks');

  constructor(
    private readonly receiver: WebhookReceiver,
    private readonly bodyLimit: number,
  ) {}

  async serve(gatewayId: string, search: string, req: IncomingMessage, res: ServerResponse, ip: string | undefined) {
    try {
      const raw: RawRequest = {
        method: req.method ?? 'GET',
        headers: req.headers,
        query: parseQuery(search) as RawRequest['query'], // as Express's default ("simple") query parser
        rawBody: await readBody(req, this.bodyLimit),
      };
      const answer = await this.receiver.receive(gatewayId, raw, ip);
      send(res, answer.status, answer.body);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        return send(res, 413, { statusCode: 413, error: 'Payload Too Large', message: e.message });
      }
      // The gateway retries on a 5xx: nothing was stored (one INSERT, all or nothing).
      this.log.error(`webhook ${gatewayId} failed: ${(e as Error).message}`);
      if (res.headersSent) return void res.destroy();
      send(res, 500, { statusCode: 500, message: 'Internal server error' });
    }
  }
}
