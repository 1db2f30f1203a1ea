import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { json, ParsedSend, Protocol, Reply, SendContext } from './protocol';
import { ReportSender } from './report-sender';
import { applyPatch, defaultSimConfig, SimConfig, SimConfigPatch, validatePatch } from './sim-config';
import { SimMessage, SimStats, SimStatsSnapshot } from './sim-stats';

const MAX_BODY = 1 << 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A running simulator: real sockets, in-process controls, and the same controls over HTTP under /_sim. */
export class SimServer {
  private cfg: SimConfig;
  private stats = new SimStats();
  private reports = new ReportSender(this.stats);
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();
  url = '';

  constructor(
    readonly protocol: Protocol,
    initial: SimConfigPatch = {},
  ) {
    this.cfg = applyPatch(defaultSimConfig(), initial);
    this.server = createServer((req, res) => void this.route(req, res));
    this.server.keepAliveTimeout = 65_000;
  }

  async listen(port: number, host: string): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const a = this.server.address() as AddressInfo;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${a.port}`;
    return this;
  }

  config(): SimConfig {
    return this.cfg;
  }

  configure(patch: SimConfigPatch): SimConfig {
    this.cfg = applyPatch(this.cfg, patch);
    return this.cfg;
  }

  snapshot(): SimStatsSnapshot & { protocol?: Record<string, unknown> } {
    const extra = this.protocol.extraStats?.();
    return { ...this.stats.snapshot(this.cfg.rate), ...(extra ? { protocol: extra } : {}) };
  }

  messages(phone?: string): SimMessage[] {
    return phone ? this.stats.forPhone(phone) : this.stats.messages;
  }

  /** Forgets every message and counter and cancels pending reports; keeps the configuration. */
  reset(): void {
    this.reports.close();
    this.stats = new SimStats();
    this.reports = new ReportSender(this.stats);
  }

  async close(): Promise<void> {
    this.reports.close();
    for (const r of this.hanging) r.destroy();
    this.hanging.clear();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const u = new URL(req.url ?? '/', 'http://sim');
      const body = await readBody(req);
      if (u.pathname.startsWith('/_sim/')) return this.send(res, this.control(req.method ?? 'GET', u, body));
      const ctx: SendContext = { cfg: this.cfg, wallMs: Date.now() };
      if (!this.protocol.isSend(req.method ?? 'GET', u.pathname)) {
        const other = this.protocol.other?.(req, u.pathname, body, ctx);
        return this.send(res, other ?? json(404, { error: 'not found' }));
      }
      await this.handleSend(req, res, body, ctx);
    } catch (e) {
      this.send(res, json(400, { error: (e as Error).message }));
    }
  }

  private async handleSend(req: IncomingMessage, res: ServerResponse, body: Buffer, ctx: SendContext) {
    const { cfg } = ctx;
    const count = this.stats.arrive(performance.now(), ctx.wallMs);
    if (cfg.rate > 0 && count > cfg.rate) {
      this.stats.markThrottled(ctx.wallMs);
      return this.send(res, this.protocol.throttled());
    }
    const delay = cfg.latencyMs + (cfg.jitterMs > 0 ? Math.random() * cfg.jitterMs : 0);
    if (delay > 0) await sleep(delay);
    const parsed = this.protocol.parse(req, body, ctx);
    if (!('requestId' in parsed)) {
      this.stats.rejected++;
      return this.send(res, parsed);
    }
    const failing = cfg.failure.rate > 0 && Math.random() < cfg.failure.rate;
    if (failing && cfg.failure.mode !== 'accept-timeout') {
      this.stats.failedInjected++;
      if (cfg.failure.mode === '503') return this.send(res, json(503, { error: 'Service Unavailable' }));
      if (cfg.failure.mode === 'code') return this.send(res, this.protocol.failure(cfg.failure.code, parsed));
      return this.hang(res, json(503, { error: 'Service Unavailable' }), cfg.failure.hangMs);
    }
    const forced = cfg.phoneCodes[parsed.phone];
    if (forced) {
      this.stats.rejected++;
      return this.send(res, this.protocol.failure(forced, parsed));
    }
    const pre = this.protocol.precheck?.(parsed, ctx);
    if (pre) {
      this.stats.rejected++;
      return this.send(res, pre);
    }
    const existing = this.stats.findByRequestId(parsed.requestId);
    const dedupe = existing && this.protocol.duplicate?.(existing);
    if (dedupe) {
      this.stats.duplicates.deduped++;
      return this.send(res, dedupe);
    }
    const reply = await this.accept(parsed, ctx);
    if (failing) {
      this.stats.failedInjected++;
      return this.hang(res, reply, cfg.failure.hangMs);
    }
    this.send(res, reply);
  }

  private async accept(p: ParsedSend, ctx: SendContext): Promise<Reply> {
    const { msg, reply } = this.protocol.accept(p, ctx);
    this.stats.accept(msg, performance.now());
    const dlr = ctx.cfg.dlr;
    if (dlr.enabled) {
      msg.report = { status: Math.random() < dlr.failRate ? 'failed' : 'delivered', attempts: 0, acknowledged: false };
      const reports = this.protocol.reports(msg, ctx);
      if (dlr.beforeAnswer) await this.reports.sendNow(msg, reports, dlr);
      else this.reports.schedule(msg, reports, dlr);
    }
    return reply;
  }

  /** Holds the request open: the client times out. After `hangMs` (if > 0) the late answer is sent. */
  private hang(res: ServerResponse, late: Reply, hangMs: number): void {
    this.hanging.add(res);
    res.on('close', () => this.hanging.delete(res));
    if (hangMs > 0) setTimeout(() => this.hanging.has(res) && this.send(res, late), hangMs).unref();
  }

  private control(method: string, u: URL, body: Buffer): Reply {
    const what = `${method} ${u.pathname}`;
    if (what === 'GET /_sim/stats') return json(200, this.snapshot());
    if (what === 'GET /_sim/config') return json(200, this.cfg);
    if (what === 'GET /_sim/messages') {
      const phone = u.searchParams.get('phone') ?? undefined;
      const limit = Number(u.searchParams.get('limit') ?? 1000);
      return json(200, this.messages(phone).slice(-limit));
    }
    if (what === 'POST /_sim/reset') {
      this.reset();
      return json(200, { ok: true });
    }
    if (what === 'POST /_sim/config') {
      let patch: unknown;
      try {
        patch = JSON.parse(body.toString('utf8') || '{}');
      } catch {
        return json(400, { errors: ['body is not JSON'] });
      }
      const errors = validatePatch(patch);
      if (errors.length) return json(400, { errors });
      return json(200, this.configure(patch as SimConfigPatch));
    }
    return json(404, { error: `no control endpoint ${what}` });
  }

  private send(res: ServerResponse, r: Reply): void {
    this.hanging.delete(res);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(r.status, {
      'content-type': r.contentType ?? 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(r.body),
      ...r.headers,
    });
    res.end(r.body);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
