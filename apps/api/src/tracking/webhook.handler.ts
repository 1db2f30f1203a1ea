import { Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { RawRequest } from '@loa/channels';
import { BodyTooLarge, readBody } from '../http/request-body';
import { WebhookReceiver } from './webhook.receiver';

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
