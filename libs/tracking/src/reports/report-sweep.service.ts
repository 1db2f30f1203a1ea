import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { ReportApplierService } from './report-applier.service';

/**
 * Periodically applies reports that are still unapplied: those that arrived before our record of the send
 * (out of order), and any whose job was lost. Several workers may sweep at once: the applier's SKIP LOCKED
 * keeps them off each other's rows.
 */
@Injectable()
export class ReportSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ReportSweep');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly applier: ReportApplierService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((e) => this.log.error(`sweep failed: ${(e as Error).message}`))
        .finally(() => (this.running = undefined));
    }, this.cfg.tracking.reportSweepMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over at most 1,000 unapplied reports. */
  async sweep(): Promise<number> {
    const ids = await this.applier.pendingIds(1000);
    return (await this.applier.apply(ids)).applied;
  }
}
