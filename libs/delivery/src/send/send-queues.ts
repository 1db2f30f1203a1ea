import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, JobsOptions, Queue } from 'bullmq';
import { Gauge, Registry } from 'prom-client';
import { APP_CONFIG, AppConfig, METRICS, QueueName, sendQueueName } from '@loa/core';

/** BullMQ connection options from the config (the same Redis and prefix as core's QueueModule). */
export function bullConnection(cfg: AppConfig): ConnectionOptions {
  const u = new URL(cfg.redis.url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    password: u.password || undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

export const bullPrefix = (cfg: AppConfig): string => `${cfg.redis.prefix}-bull`;

/**
 * Send jobs: completed ones are removed at once, so that a delivery paused and resumed, or an in-doubt send moved
 * on by the sweep, can be queued again under the same id (and completion costs no trimming);
 * failed ones are kept a week (a failure must not vanish). Unexpected errors (database down…) retry with backoff;
 * gateway outcomes are handled by the processor itself, not by these attempts.
 */
export const SEND_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
  attempts: 20,
  backoff: { type: 'exponential', delay: 1000 },
};

/** One producer Queue per gateway plus the dispatch queue; queue depth exported as a gauge. */
@Injectable()
export class SendQueues implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();
  readonly dispatch: Queue;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @Inject(METRICS) registry: Registry,
  ) {
    const opts = { connection: bullConnection(cfg), prefix: bullPrefix(cfg) };
    for (const gw of cfg.gateways) this.queues.set(gw.id, new Queue(sendQueueName(gw.id), opts));
    this.dispatch = new Queue(QueueName.Dispatch, opts);
    const queues = () => [...this.queues.values(), this.dispatch];
    if (!registry.getSingleMetric('loa_queue_jobs')) {
      new Gauge({
        name: 'loa_queue_jobs',
        help: 'Jobs per queue and state (BullMQ counts, read at scrape time)',
        labelNames: ['queue', 'state'],
        registers: [registry],
        async collect() {
          for (const q of queues()) {
            const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
            for (const [state, n] of Object.entries(counts)) this.set({ queue: q.name, state }, n);
          }
        },
      });
    }
  }

  forGateway(id: string): Queue {
    const q = this.queues.get(id);
    if (!q) throw new Error(`no send queue for gateway "${id}"`);
    return q;
  }

  all(): Queue[] {
    return [...this.queues.values(), this.dispatch];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
  }
}
