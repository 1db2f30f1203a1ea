import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { METRICS } from '@loa/core';

/** Send-path metrics on the process's registry (scraped from the worker's metrics port, see docs/dispatch.md). */
@Injectable()
export class DeliveryMetrics {
  readonly sent: Counter<'gateway'>;
  readonly errors: Counter<'gateway' | 'kind'>;
  readonly throttled: Counter<'gateway'>;
  readonly inDoubt: Counter<'gateway'>;
  readonly fallbacks: Counter<'gateway'>;
  readonly failovers: Counter<'from' | 'to'>;
  readonly lateGrants: Counter<'gateway'>;
  readonly revokedGrants: Counter<'gateway'>;
  readonly refusals: Counter<'gateway' | 'code'>;
  readonly latency: Histogram<'gateway'>;
  readonly lateness: Histogram<'gateway'>;

  constructor(@Inject(METRICS) registry: Registry) {
    const reg = [registry];
    this.sent = new Counter({
      name: 'loa_gateway_sent_total',
      help: 'Messages accepted by the gateway',
      labelNames: ['gateway'],
      registers: reg,
    });
    this.errors = new Counter({
      name: 'loa_gateway_errors_total',
      help: 'Sends that were not accepted, by outcome kind (retry, rejected, fallback, token, pause, channelBroken, exception)',
      labelNames: ['gateway', 'kind'],
      registers: reg,
    });
    this.throttled = new Counter({
      name: 'loa_gateway_throttled_total',
      help: 'Throttling answers (HTTP 429 or the protocol equivalent)',
      labelNames: ['gateway'],
      registers: reg,
    });
    this.inDoubt = new Counter({
      name: 'loa_gateway_in_doubt_total',
      help: 'Sends resumed with no recorded outcome of the previous attempt',
      labelNames: ['gateway'],
      registers: reg,
    });
    this.fallbacks = new Counter({
      name: 'loa_delivery_fallback_total',
      help: 'Deliveries moved from this gateway to their next channel',
      labelNames: ['gateway'],
      registers: reg,
    });
    this.failovers = new Counter({
      name: 'loa_route_failover_total',
      help: "Sends made on a later gateway of the carrier's route because the breakers of the earlier ones were open",
      labelNames: ['from', 'to'],
      registers: reg,
    });
    this.lateGrants = new Counter({
      name: 'loa_limiter_late_grants_total',
      help: 'Limiter grants given up because the sender woke too late',
      labelNames: ['gateway'],
      registers: reg,
    });
    this.revokedGrants = new Counter({
      name: 'loa_limiter_revoked_grants_total',
      help: 'Reserved limiter grants found no longer good just before use (rate lowered meanwhile, Redis restarted empty)',
      labelNames: ['gateway'],
      registers: reg,
    });
    this.refusals = new Counter({
      name: 'loa_gateway_refusals_total',
      help: 'Requests the gateway refused as our own fault (unregistered content, brandname, credentials…): the campaign is held there',
      labelNames: ['gateway', 'code'],
      registers: reg,
    });
    this.lateness = new Histogram({
      name: 'loa_limiter_wake_lateness_seconds',
      help: 'How late after its grant (Redis time) a sender was ready to send; beyond lateToleranceMs the slot is given up',
      labelNames: ['gateway'],
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 1],
      registers: reg,
    });
    this.latency = new Histogram({
      name: 'loa_gateway_send_seconds',
      help: 'Gateway call latency',
      labelNames: ['gateway'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: reg,
    });
  }
}
