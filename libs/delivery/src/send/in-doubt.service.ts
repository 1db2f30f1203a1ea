import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, GatewayConfig } from '@loa/core';
import { GatewayBreakers } from '../breaker/gateway-breakers.service';
import { DeliveryMetrics } from '../metrics/delivery.metrics';
import { parseChannelSpec, routeFor, sendJobId } from '../policy/routing';
import { InDoubtRepository } from './in-doubt.repository';
import { SEND_JOB_OPTIONS, SendQueues } from './send-queues';

/**
 * The in-doubt policy (docs/dispatch.md, "In doubt"): what happens to a send that may or may not have reached the
 * gateway — a worker killed mid-send (found by the next claim), or a timeout/lost answer after the request went out.
 */
@Injectable()
export class InDoubtService {
  private readonly log = new Logger('InDoubt');

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly clock: Clock,
    private readonly repo: InDoubtRepository,
    private readonly queues: SendQueues,
    private readonly metrics: DeliveryMetrics,
    private readonly breakers: GatewayBreakers,
  ) {}

  /**
   * Applies the gateway's policy to an attempt in doubt. Returns the job's result when the attempt must not be sent
   * now (`await-report`, `hold-for-operator`), or null to resend at once with the same request id (`resend`).
   */
  async onInDoubt(gw: GatewayConfig, deliveryId: string, channelIndex: number, why: string): Promise<string | null> {
    this.metrics.inDoubt.inc({ gateway: gw.id });
    switch (gw.inDoubt) {
      case 'resend':
        await this.repo.pin(deliveryId, channelIndex); // resent on this gateway only, whatever its breaker says
        return null;
      case 'hold-for-operator':
        await this.repo.holdInDoubt(deliveryId, channelIndex, this.clock.now());
        this.log.warn(`delivery ${deliveryId}: send to ${gw.id} in doubt (${why}); held for an operator`);
        return 'in doubt: held';
      case 'await-report': {
        // Real time, not the business Clock: a report takes real seconds whatever a fast test clock does.
        const until = new Date(Date.now() + this.cfg.dispatch.inDoubtGraceMs);
        await this.repo.markInDoubt(deliveryId, channelIndex, `in doubt (${why}); awaiting a delivery report`, until);
        return 'in doubt: awaiting report';
      }
    }
  }

  /**
   * Moves on every in-doubt attempt whose deadline passed without a report (SMS resent, Zalo to the next channel)
   * and enqueues the sends. Idempotent and safe in several processes: each row moves in one guarded statement, and
   * a job id per delivery and channel attempt keeps the send from being queued twice. A crash between the two
   * leaves the delivery `queued`, which the start-up dispatch-run re-enqueues.
   */
  async sweep(): Promise<number> {
    const moved = await this.repo.resolveExpiredInDoubt(new Date()); // real time, as the deadline (onInDoubt)
    for (const r of moved) {
      let gatewayId = r.gatewayId;
      if (r.channels) {
        const raw = r.channels[r.channelIndex];
        const route =
          raw === undefined
            ? null
            : routeFor(this.cfg, parseChannelSpec(raw).channel, r.carrier, this.breakers.forEnqueue);
        // No route: the processor on the old gateway's queue fails the delivery with NO_ROUTE.
        if (route?.ok) gatewayId = route.gateway.id;
        this.metrics.fallbacks.inc({ gateway: gatewayId });
      }
      await this.queues
        .forGateway(gatewayId)
        .add('send-delivery', { deliveryId: r.id }, { ...SEND_JOB_OPTIONS, jobId: sendJobId(r.id, r.channelIndex) });
    }
    if (moved.length) this.log.warn(`${moved.length} in-doubt sends had no delivery report in time; moved on`);
    return moved.length;
  }
}
