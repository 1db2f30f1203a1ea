import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { GatewayConfig } from '@loa/core';
import { DeliveryEvent, Gateway, InvalidReportError, RawRequest } from '@loa/channels';

export interface RecordedReport {
  gatewayId: string;
  status: number;
  events: DeliveryEvent[];
  error?: string;
}

/**
 * A stand-in for the tracking webhook (`/webhooks/:gatewayId`) in channel tests: parses each report with the
 * gateway's adapter exactly as the API does, answers 200 or the InvalidReportError status, and records it.
 * `failNext(n)` answers 500 to the next n reports (to exercise the gateways' retries).
 */
export class ReportRecorder {
  readonly reports: RecordedReport[] = [];
  private server?: Server;
  private failing = 0;
  url = '';

  constructor(private readonly gateways: Map<string, { gw: GatewayConfig; adapter: Gateway }>) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r = this.handle(req, Buffer.concat(chunks));
        this.reports.push(r);
        res.writeHead(r.status).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  failNext(n: number): void {
    this.failing = n;
  }

  events(gatewayId?: string): DeliveryEvent[] {
    return this.reports.filter((r) => !gatewayId || r.gatewayId === gatewayId).flatMap((r) => r.events);
  }

  private handle(req: IncomingMessage, body: Buffer): RecordedReport {
    const u = new URL(req.url ?? '/', 'http://x');
    const id = decodeURIComponent(u.pathname.replace(/^\/webhooks\//, ''));
    const entry = this.gateways.get(id);
    if (!entry?.adapter.parseDeliveryReport) return { gatewayId: id, status: 404, events: [] };
    if (this.failing > 0) {
      this.failing--;
      return { gatewayId: id, status: 500, events: [] };
    }
    const query: RawRequest['query'] = {};
    for (const [k, v] of u.searchParams) query[k] = v;
    try {
      const events = entry.adapter.parseDeliveryReport(entry.gw, {
        method: req.method ?? 'GET',
        headers: req.headers,
        query,
        rawBody: body,
      });
      return { gatewayId: id, status: 200, events };
    } catch (e) {
      if (e instanceof InvalidReportError) return { gatewayId: id, status: e.status, events: [], error: e.message };
      throw e;
    }
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
