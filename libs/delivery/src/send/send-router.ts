import { Inject, Injectable } from '@nestjs/common';
import { SendOutcome } from '@loa/channels';
import { APP_CONFIG, AppConfig, GatewayConfig } from '@loa/core';
import { GatewayBreakers } from '../breaker/gateway-breakers.service';
import { ProbeTicket } from '../breaker/breaker.store';
import { DeliveryMetrics } from '../metrics/delivery.metrics';
import { Admission, ChannelKind, Route, routeFor, sendJobId } from '../policy/routing';
import { SEND_JOB_OPTIONS, SendQueues } from './send-queues';

/** Where one send goes: this gateway (a probe of a half-open one possibly), another gateway's queue, or nowhere. */
export type SendRoute =
  | { kind: 'send'; gateway: GatewayConfig; probe: ProbeTicket | null }
  | { kind: 'moved'; result: string }
  /** Every gateway this send may take holds its campaign (it refused the campaign's own request): it waits. */
  | { kind: 'held'; gatewayId: string }
  /** Pinned to a gateway whose breaker is open (it is down): look again in `ms`, without spending an attempt. */
  | { kind: 'wait'; gatewayId: string; ms: number }
  | { kind: 'fail'; reason: string };

/** What the router needs of a delivery (SendContext has it). */
export interface RoutedDelivery {
  id: string;
  channelIndex: number;
  carrier: string;
  /** The gateway that may already hold this channel attempt (an earlier send in doubt): it must stay there. */
  pinnedGatewayId: string | null;
  /** Gateways holding the delivery's campaign: skipped like an open breaker, never probed. */
  heldGateways: string[];
}

/**
 * Route selection of the send processor (docs/dispatch.md, "Failover"): the carrier's first gateway whose breaker
 * lets the send through, except that a channel attempt which some gateway may already have taken (in doubt) never
 * moves off that gateway — a second gateway does not know our request id, so it would be a second message.
 */
@Injectable()
export class SendRouter {
  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly breakers: GatewayBreakers,
    private readonly queues: SendQueues,
    private readonly metrics: DeliveryMetrics,
  ) {}

  /** For enqueueing (next channel, in-doubt fallback): breaker-aware, without probes. */
  routeFor(channel: ChannelKind, carrier: string): Route {
    return routeFor(this.cfg, channel, carrier, this.breakers.forEnqueue);
  }

  /** The gateway for this send, taken from the job on `queueGw`'s queue. */
  async route(queueGw: GatewayConfig, d: RoutedDelivery, channel: ChannelKind): Promise<SendRoute> {
    if (d.pinnedGatewayId) {
      const pinned = this.cfg.gateways.find((g) => g.id === d.pinnedGatewayId);
      if (!pinned) return { kind: 'fail', reason: `in doubt on gateway "${d.pinnedGatewayId}", no longer configured` };
      if (d.heldGateways.includes(pinned.id)) return { kind: 'held', gatewayId: pinned.id };
      if (pinned.id !== queueGw.id) return this.moveTo(pinned.id, d, true);
      // A pinned attempt cannot fail over; while its gateway is down it waits for the breaker instead of burning its
      // attempts on refused connections (the outage may outlast them), and goes as a probe once one is allowed.
      const a = this.breakers.admission(pinned.id);
      if (a === 'yes') return { kind: 'send', gateway: pinned, probe: null };
      const p = a === 'probe' ? await this.breakers.probe(pinned) : { kind: 'denied' as const };
      if (p.kind === 'granted') return { kind: 'send', gateway: pinned, probe: p.ticket };
      if (p.kind !== 'denied') return { kind: 'send', gateway: pinned, probe: null };
      const until = this.breakers.state(pinned.id).untilMs ?? 0;
      return { kind: 'wait', gatewayId: pinned.id, ms: Math.min(30_000, Math.max(1000, until - Date.now())) };
    }
    const refused = new Set<string>(d.heldGateways);
    const admit = (id: string): Admission => (refused.has(id) ? 'no' : this.breakers.admission(id));
    for (;;) {
      const r = routeFor(this.cfg, channel, d.carrier, admit);
      if (!r.ok) return { kind: 'fail', reason: r.reason };
      if (d.heldGateways.includes(r.gateway.id)) return { kind: 'held', gatewayId: r.gateway.id };
      let probe: ProbeTicket | null = null;
      if (r.probe) {
        const p = await this.breakers.probe(r.gateway);
        if (p.kind === 'denied') {
          refused.add(r.gateway.id);
          continue;
        }
        // A probe is sent from here, whichever queue the job is on: there are at most halfOpenProbes of them.
        if (p.kind === 'granted') probe = p.ticket;
      }
      if (!probe && r.gateway.id !== queueGw.id) return this.moveTo(r.gateway.id, d, true);
      if (r.gateway.id !== r.preferred.id) this.metrics.failovers.inc({ from: r.preferred.id, to: r.gateway.id });
      return { kind: 'send', gateway: r.gateway, probe };
    }
  }

  /**
   * Re-queues the send on another gateway's queue (same job id: never twice in one queue). A send moved by its
   * route (`ahead`: failover, back after recovery, to its pinned gateway) goes to the front, so that the gateway
   * taking over carries it now rather than after its own backlog — and its probes of the preferred gateway with it.
   */
  async moveTo(gatewayId: string, d: Pick<RoutedDelivery, 'id' | 'channelIndex'>, ahead = false) {
    await this.queues
      .forGateway(gatewayId)
      .add(
        'send-delivery',
        { deliveryId: d.id },
        { ...SEND_JOB_OPTIONS, jobId: sendJobId(d.id, d.channelIndex), lifo: ahead },
      );
    return { kind: 'moved' as const, result: `rerouted to ${gatewayId}` };
  }

  /** Counts the outcome towards the gateway's breaker, in the background (the job does not wait for it). */
  observe(gw: GatewayConfig, route: SendRoute & { kind: 'send' }, o: SendOutcome): void {
    void this.breakers.observe(gw.id, o, route.probe);
  }
}
