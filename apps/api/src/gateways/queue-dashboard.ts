import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { CREDENTIAL_PROBLEMS, RequestCredentials } from '@loa/access';
import { APP_CONFIG, AppConfig, sendQueueName } from '@loa/core';
import { GatewayBreakers, SendQueues } from '@loa/delivery';

export const DASHBOARD_PATH = '/admin/queues';

type Engine = (path: string, options: object, done: (err: Error | null, html?: string) => void) => void;
type ViewApp = { engines: Record<string, Engine>; engine(ext: string, fn: Engine): void };

/** bull-board's page links IBM Plex from Google Fonts; offline it waits on it. Its own CSS falls back to sans-serif. */
const OUTSIDE_STYLESHEET = /<link\b[^>]*href="https?:\/\/[^"]*"[^>]*rel="stylesheet"[^>]*>\s*/g;

/** Renders bull-board's page without stylesheets from outside (the machine may have no internet): no web fonts. */
export function withoutOutsideFonts(app: ViewApp): void {
  const render = app.engines['.ejs'];
  app.engine('ejs', (path, options, done) =>
    render(path, options, (err, html) => done(err, html?.replace(OUTSIDE_STYLESHEET, ''))),
  );
}

/**
 * bull-board at /admin/queues, for national admins only. It is plain Express (outside Nest's router and guard), so
 * it resolves the caller itself (`RequestCredentials`, as the guard does: a key, or a session for reads).
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    private readonly queues: SendQueues,
    private readonly breakers: GatewayBreakers,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @Inject(RequestCredentials) private readonly credentials: RequestCredentials,
  ) {}

  /** A send queue's description says, live, which gateway it feeds and the state of its circuit breaker. */
  private adapter(q: Queue): BullMQAdapter {
    const gw = this.cfg.gateways.find((g) => sendQueueName(g.id) === q.name);
    if (!gw) return new BullMQAdapter(q, { description: 'dispatch-run: enqueues each run on its gateways' });
    const breakers = this.breakers;
    return new (class extends BullMQAdapter {
      override getDescription(): string {
        const b = breakers.state(gw.id).state;
        const note = b === 'open' ? ' (its traffic fails over)' : b === 'half-open' ? ' (probing)' : '';
        return `${gw.protocol} ${gw.channel} gateway ${gw.id}, ${gw.ratePerSecond}/s configured; breaker ${b}${note}`;
      }
    })(q);
  }

  onModuleInit(): void {
    const server = new ExpressAdapter();
    server.setBasePath(DASHBOARD_PATH);
    // @bull-board/express pins @bull-board/api 9.10.1 beside our 9.10.2: same shape, separately declared types.
    const serverAdapter = server as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'];
    createBullBoard({ queues: this.queues.all().map((q) => this.adapter(q)), serverAdapter });
    withoutOutsideFonts(server.getRouter() as unknown as ViewApp);
    const guard = (req: Request, res: Response, next: NextFunction) => {
      this.credentials
        .principalOf(req)
        .then((who) => {
          if (typeof who === 'string') res.status(401).json({ statusCode: 401, message: CREDENTIAL_PROBLEMS[who] });
          else if (who.role !== 'admin' || who.unitId !== null)
            // Pausing a gateway's queue stops it for the whole country: a national setting.
            res.status(403).json({ statusCode: 403, message: 'The queue dashboard needs a national admin key' });
          else next();
        })
        .catch(next);
    };
    this.host.httpAdapter.getInstance().use(DASHBOARD_PATH, guard, server.getRouter());
  }
}
