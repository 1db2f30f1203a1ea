import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker, WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig, Clock, JobPayloads, QueueName, REDIS, redisKey, sendQueueName } from '@loa/core';
import { GatewayBreakers } from '../breaker/gateway-breakers.service';
import { GatewaySettingsService } from '../limiter/gateway-settings.service';
import { concurrencyFor } from '../policy/routing';
import { InDoubtService } from '../send/in-doubt.service';
import { SendDeliveryProcessor } from '../send/send-delivery.processor';
import { bullConnection, bullPrefix, SendQueues } from '../send/send-queues';
import { DispatchRunProcessor } from './dispatch-run.processor';
import { DispatchRunRepository } from './dispatch-run.repository';

const SWEEP_MS = 2000;

/**
 * The worker side of dispatch: one BullMQ Worker per gateway queue (concurrency from the live rate), one for
 * dispatch-run, a start-up re-sweep of dispatching runs, and a housekeeping sweep (expiry, run completion).
 */
@Injectable()
export class DeliveryWorkersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('DeliveryWorkers');
  private readonly workers = new Map<string, Worker>();
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly clock: Clock,
    private readonly settings: GatewaySettingsService,
    private readonly repo: DispatchRunRepository,
    private readonly sender: SendDeliveryProcessor,
    private readonly dispatcher: DispatchRunProcessor,
    private readonly queues: SendQueues,
    private readonly inDoubt: InDoubtService,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly breakers: GatewayBreakers,
  ) {}

  /** Present while Redis keeps its data; gone after a restart without persistence (and the queues with it). */
  private get epochKey(): string {
    return redisKey(this.cfg, 'dispatch', 'epoch');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.settings.startRefreshing((s) => {
      const w = this.workers.get(s.id);
      const gw = this.cfg.gateways.find((g) => g.id === s.id);
      if (w && gw) w.concurrency = concurrencyFor(gw, s.ratePerSecond);
      this.log.log(`gateway ${s.id}: rate now ${s.ratePerSecond}/s`);
    });
    await this.settings.mirrorRatesToRedis();
    await this.breakers.startRefreshing();
    // Stalled jobs (a killed worker's) come back after lockDuration; processing is idempotent, so allow many.
    const base: Omit<WorkerOptions, 'concurrency'> = {
      connection: bullConnection(this.cfg),
      prefix: bullPrefix(this.cfg),
      lockDuration: 15_000,
      stalledInterval: 5_000,
      maxStalledCount: 50,
    };
    for (const gw of this.cfg.gateways) {
      const w = new Worker<JobPayloads['send-delivery']>(
        sendQueueName(gw.id),
        (job: Job<JobPayloads['send-delivery']>, token?: string) => this.sender.process(gw, job, token),
        { ...base, concurrency: concurrencyFor(gw, this.settings.rate(gw.id)) },
      );
      w.on('failed', (job, err) => this.log.warn(`send job ${job?.id} on ${gw.id} failed: ${err.message}`));
      this.workers.set(gw.id, w);
    }
    const dispatch = new Worker<JobPayloads['dispatch-run']>(
      QueueName.Dispatch,
      async (job: Job<JobPayloads['dispatch-run']>) => this.dispatcher.process(String(job.data.runId)),
      { ...base, concurrency: 2 },
    );
    dispatch.on('failed', (job, err) => this.log.error(`dispatch-run ${job?.data.runId} failed: ${err.message}`));
    this.workers.set(`:${QueueName.Dispatch}`, dispatch);

    // Recovery: anything a killed process enqueued only half-way, or that Redis lost, is re-enqueued (idempotent).
    await this.redis.set(this.epochKey, String(Date.now()), 'NX');
    await this.resweep();
    // Housekeeping, one pass at a time: in-doubt sends past their deadline first (they reopen deliveries), then runs.
    let sweeping = false;
    this.sweepTimer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      this.checkRedisEpoch()
        .then(() => this.inDoubt.sweep())
        .then(() => this.repo.sweepRuns(this.clock.now()))
        .catch((e) => this.log.warn(`sweep failed: ${(e as Error).message}`))
        .finally(() => (sweeping = false));
    }, SWEEP_MS);
    this.sweepTimer.unref();
  }

  /** Every dispatching run back on the dispatch queue: job ids per delivery and channel make it idempotent. */
  private async resweep(): Promise<void> {
    for (const runId of await this.repo.dispatchingRuns()) {
      await this.queues.dispatch.add('dispatch-run', { runId }, { removeOnComplete: true, removeOnFail: 1000 });
    }
  }

  /**
   * Redis came back empty (restart without AOF, failover to an empty replica): the marker written at start-up is
   * gone, and so are the queued jobs. The one process whose SET NX recreates the marker re-derives the jobs from
   * PostgreSQL, where every open delivery still is.
   */
  private async checkRedisEpoch(): Promise<void> {
    if ((await this.redis.set(this.epochKey, String(Date.now()), 'NX')) !== 'OK') return;
    this.log.warn('Redis lost its data: re-enqueueing every dispatching run from PostgreSQL');
    await this.resweep();
  }

  /** The send workers (bench and tests wait on them). */
  get all(): Worker[] {
    return [...this.workers.values()];
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await Promise.all([...this.workers.values()].map((w) => w.close()));
  }
}
