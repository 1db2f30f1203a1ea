import { GatewayRegistry, InvalidReportError, RawRequest } from '@loa/channels';
import { AppConfig } from '@loa/core';
import { ReportInboxService } from '@loa/tracking';

/** "::ffff:10.0.0.1" and "10.0.0.1" are the same IPv4 source. */
const plainIp = (ip: string | undefined) => (ip ?? '').replace(/^::ffff:/, '');

/** What the webhook answers: 200 with the counts, or a 4xx with a JSON error naming the problem. */
export type WebhookAnswer =
  | { status: 200; body: { ok: true; events: number; stored: number; duplicates: number } }
  | { status: 400 | 401 | 403 | 404; body: { statusCode: number; error: string; message: string } };

const ERRORS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };
const refuse = (status: 400 | 401 | 403 | 404, message: string): WebhookAnswer => ({
  status,
  body: { statusCode: status, error: ERRORS[status], message },
});

/**
 * One delivery-report request, framework-free (served by the early node:http handler and by WebhooksController
 * alike). Authentication and parsing belong to each gateway's adapter; the answer comes once the verified events
 * are stored (gateways retry slow answers: Zalo gives 2 s), and the worker applies them afterwards. Forged or
 * malformed reports get a 4xx and change nothing.
 */
export class WebhookReceiver {
  constructor(
    private readonly cfg: AppConfig,
    private readonly registry: GatewayRegistry,
    private readonly inbox: ReportInboxService,
  ) {}

  async receive(gatewayId: string, raw: RawRequest, ip: string | undefined): Promise<WebhookAnswer> {
    const gw = this.cfg.gateways.find((g) => g.id === gatewayId);
    if (!gw) return refuse(404, `Unknown gateway "${gatewayId}"`);
    if (gw.webhookAllowIps.length && !gw.webhookAllowIps.map(plainIp).includes(plainIp(ip))) {
      return refuse(403, `${gw.id}: reports are not accepted from ${plainIp(ip)}`);
    }
    const adapter = this.registry.adapter(gw);
    if (!adapter.parseDeliveryReport) return refuse(404, `Gateway "${gw.id}" does not send delivery reports`);
    let events;
    try {
      events = adapter.parseDeliveryReport(gw, raw);
    } catch (e) {
      if (e instanceof InvalidReportError) return refuse(e.status, e.message);
      throw e;
    }
    const { stored, duplicates } = await this.inbox.store(events);
    return { status: 200, body: { ok: true, events: events.length, stored, duplicates } };
  }
}
