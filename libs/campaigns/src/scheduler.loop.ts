import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { SchedulerService } from './scheduler.service';

/**
 * Ticks the scheduler every `worker.schedulerIntervalMs` of real time (an operational polling interval; business
 * time inside the tick comes from Clock). A slow tick delays the next instead of overlapping it.
 */
@Injectable()
export class SchedulerLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('SchedulerLoop');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly scheduler: SchedulerService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.scheduler
        .tick()
        .catch((e) => this.log.error(`scheduler tick failed: ${(e as Error).stack ?? e}`))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.cfg.worker.schedulerIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
