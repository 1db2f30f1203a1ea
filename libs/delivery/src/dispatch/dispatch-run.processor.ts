import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock } from '@loa/core';
import { GatewayBreakers } from '../breaker/gateway-breakers.service';
import { parseChannelSpec, routeFor, sendJobId } from '../policy/routing';
import { DispatchRunRepository } from './dispatch-run.repository';
import { SEND_JOB_OPTIONS, SendQueues } from '../send/send-queues';

const ENQUEUE_CHUNK = 100;

/**
 * `dispatch-run` {runId}: enqueue every open delivery of the run on its gateway's queue, in id-ordered batches.
 * Safe to run any number of times (resume, start-up sweep): job ids are per delivery and channel attempt, so a job
 * still waiting is never added twice, and the send processor ignores deliveries already final.
 */
@Injectable()
export class DispatchRunProcessor {
  private readonly log = new Logger('DispatchRun');

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly clock: Clock,
    private readonly repo: DispatchRunRepository,
    private readonly queues: SendQueues,
    private readonly breakers: GatewayBreakers,
  ) {}

  async process(runId: string): Promise<{ enqueued: number; unroutable: number }> {
    const run = await this.repo.runForDispatch(runId);
    if (!run) return { enqueued: 0, unroutable: 0 };
    if (run.status !== 'dispatching' || run.campaignStatus === 'paused' || run.campaignStatus === 'cancelled') {
      return { enqueued: 0, unroutable: 0 };
    }
    const specs = run.channels.map(parseChannelSpec);
    let after = '0';
    let enqueued = 0;
    let unroutable = 0;
    for (;;) {
      const batch = await this.repo.openDeliveries(runId, after, this.cfg.dispatch.batchSize);
      if (!batch.length) break;
      after = batch[batch.length - 1].id;
      const byGateway = new Map<string, { name: 'send-delivery'; data: { deliveryId: string }; opts: object }[]>();
      const failed = new Map<string, string[]>();
      for (const d of batch) {
        const spec = specs[d.channelIndex];
        const route = spec
          ? routeFor(this.cfg, spec.channel, d.carrier, this.breakers.forEnqueue)
          : { ok: false as const, reason: `campaign has no channel ${d.channelIndex}` };
        if (!route.ok) {
          failed.set(route.reason, [...(failed.get(route.reason) ?? []), d.id]);
          continue;
        }
        const list = byGateway.get(route.gateway.id) ?? [];
        list.push({
          name: 'send-delivery',
          data: { deliveryId: d.id },
          opts: { ...SEND_JOB_OPTIONS, jobId: sendJobId(d.id, d.channelIndex) },
        });
        byGateway.set(route.gateway.id, list);
      }
      // Jobs first, then the status: a crash in between leaves pending deliveries with jobs (harmless), never
      // queued deliveries without one.
      // In chunks, yielding between them: building and serialising a thousand jobs at once holds the event loop for
      // tens of ms, and the send jobs of this process wake at their limiter instants (late ones give the slot up).
      for (const [gw, jobs] of byGateway) {
        for (let i = 0; i < jobs.length; i += ENQUEUE_CHUNK) {
          await this.queues.forGateway(gw).addBulk(jobs.slice(i, i + ENQUEUE_CHUNK));
          await new Promise((r) => setImmediate(r));
        }
      }
      const now = this.clock.now();
      const failedIds = new Set([...failed.values()].flat());
      await this.repo.markQueued(
        batch.filter((d) => !failedIds.has(d.id)).map((d) => d.id),
        now,
      );
      for (const [reason, ids] of failed) {
        await this.repo.failUnroutable(ids, reason, now);
        unroutable += ids.length;
      }
      enqueued += batch.length - failedIds.size;
    }
    if (unroutable) this.log.warn(`run ${runId}: ${unroutable} deliveries have no route`);
    return { enqueued, unroutable };
  }
}
