import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { Registry } from 'prom-client';
import { APP_CONFIG, AppConfig, METRICS } from '@loa/core';

/**
 * The worker has no HTTP server, so its registry is served on its own small port (`worker.metricsPort`, 0 = off):
 * each process is scraped directly, the Prometheus way, instead of funnelling counters through Redis.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('WorkerMetrics');
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @Inject(METRICS) private readonly registry: Registry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cfg.worker.metricsPort) return;
    this.server = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.registry
        .metrics()
        .then((body) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(body))
        .catch((e: Error) => res.writeHead(500).end(e.message));
    });
    await new Promise<void>((r) => this.server!.listen(this.cfg.worker.metricsPort, this.cfg.worker.metricsHost, r));
    this.log.log(`metrics on http://${this.cfg.worker.metricsHost}:${this.cfg.worker.metricsPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((r) => (this.server ? this.server.close(r) : r(undefined)));
  }
}
