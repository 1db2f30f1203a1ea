import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Counter, Gauge, Registry } from 'prom-client';
import { SendOutcome } from '@loa/channels';
import { APP_CONFIG, AppConfig, GatewayConfig, METRICS, REDIS } from '@loa/core';
import { breakerKeys } from '../limiter/gateway-keys';
import { admission, afterProbe, breakerSignal, BreakerState, CLOSED, shouldOpen, STATE_VALUE } from '../policy/breaker';
import { Admission } from '../policy/routing';
import { BreakerStore, ProbeResult, ProbeTicket } from './breaker.store';

/** How often a process re-reads every breaker; its own transitions update its copy at once. */
const REFRESH_MS = 500;
/** Healthy sends are counted in Redis in batches, at most this late. */
const FLUSH_MS = 250;

/**
 * Every gateway's circuit breaker, as this process sees it: a copy of the shared Redis state (refreshed every
 * 500 ms in the worker, on demand in the api) for routing without a round trip per send, probes handed out by
 * Redis, and each send's outcome counted there. A transition is made by one process (compare-and-set), which
 * logs it (warn on open, info otherwise) and counts it.
 */
@Injectable()
export class GatewayBreakers implements OnApplicationShutdown {
  private readonly log = new Logger('Breaker');
  private readonly store: BreakerStore;
  private readonly settings: AppConfig['dispatch']['breaker'];
  private states = new Map<string, BreakerState>();
  private readAt = 0;
  private refreshing?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private readonly successes = new Map<string, number>();
  private flushTimer?: NodeJS.Timeout;
  private readonly transitions: Counter<'gateway' | 'to'>;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @Inject(REDIS) redis: Redis,
    @Inject(METRICS) registry: Registry,
  ) {
    this.settings = cfg.dispatch.breaker;
    this.store = new BreakerStore(redis, (id) => breakerKeys(cfg, id), this.settings);
    const existing = registry.getSingleMetric('loa_gateway_breaker_transitions_total');
    this.transitions =
      (existing as Counter<'gateway' | 'to'> | undefined) ??
      new Counter({
        name: 'loa_gateway_breaker_transitions_total',
        help: 'Circuit breaker state changes made by this process, by the state entered (open, half-open, closed)',
        labelNames: ['gateway', 'to'],
        registers: [registry],
      });
    if (!registry.getSingleMetric('loa_gateway_breaker_state')) {
      const refresh = () => this.refresh().catch(() => undefined);
      const valueOf = (id: string) => STATE_VALUE[this.state(id).state];
      new Gauge({
        name: 'loa_gateway_breaker_state',
        help: 'Circuit breaker per gateway: 0 closed, 1 half-open (probing), 2 open (traffic fails over)',
        labelNames: ['gateway'],
        registers: [registry],
        async collect() {
          await refresh();
          for (const gw of cfg.gateways) this.set({ gateway: gw.id }, valueOf(gw.id));
        },
      });
    }
  }

  /** Worker: keeps the copy fresh (routing reads it synchronously). */
  startRefreshing(): Promise<void> {
    // Redis down: say so once, keep routing on the last copy (a send needs Redis for its limiter slot anyway).
    let failing = false;
    const refresh = () =>
      this.refresh().then(
        () => {
          if (failing) this.log.log('reading breakers works again');
          failing = false;
        },
        (e: Error) => {
          if (!failing) this.log.warn(`reading breakers failed, routing on the last copy: ${e.message}`);
          failing = true;
        },
      );
    this.timer ??= setInterval(refresh, REFRESH_MS);
    this.timer.unref();
    return refresh();
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.store
      .read(this.cfg.gateways.map((g) => g.id))
      .then((m) => {
        this.states = m;
        this.readAt = Date.now();
      })
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** The last state read; a copy older than a few refreshes is re-read in the background (api, dashboard). */
  state(gatewayId: string): BreakerState {
    if (!this.timer && Date.now() - this.readAt > 2000) this.refresh().catch(() => undefined);
    return this.states.get(gatewayId) ?? CLOSED;
  }

  /** For a send: yes, no, or probe (half-open), from this process's copy. */
  admission = (gatewayId: string): Admission => admission(this.state(gatewayId), Date.now(), this.settings);

  /** For enqueueing (dispatch-run, next channel, in-doubt fallback): only a closed breaker; probes are sends'. */
  forEnqueue = (gatewayId: string): Admission => (this.admission(gatewayId) === 'yes' ? 'yes' : 'no');

  /** Asks Redis for a probe send to a half-open (or cooled-down open) gateway. */
  async probe(gw: GatewayConfig): Promise<ProbeResult> {
    const ttl = gw.timeoutMs + this.cfg.dispatch.maxLimiterWaitMs + 5000;
    const r = await this.store.probe(gw.id, ttl);
    this.states.set(gw.id, r.state);
    if (r.kind !== 'closed' && r.began) {
      this.transitions.inc({ gateway: gw.id, to: 'half-open' });
      this.log.log(
        `gateway ${gw.id}: breaker half-open after its cool-down; probing with up to ${this.settings.halfOpenProbes} sends`,
      );
    }
    return r;
  }

  /**
   * Counts a send's outcome towards its gateway's breaker (a probe's decides it). Never throws. Successes are summed
   * here and written with the next failure or within FLUSH_MS: no Redis round trip per healthy send.
   */
  async observe(gatewayId: string, o: SendOutcome, ticket: ProbeTicket | null): Promise<void> {
    if (!this.settings.enabled) return;
    const signal = breakerSignal(o);
    const why = o.kind === 'accepted' ? 'accepted' : `${o.code}: ${o.text.slice(0, 120)}`;
    try {
      if (ticket) {
        const to = afterProbe(signal);
        if (!to) return await this.store.release(ticket);
        const st = await this.store.transition(gatewayId, ticket.gen, to);
        if (st) this.changed(gatewayId, st, to === 'open' ? `probe failed (${why})` : `probe answered (${why})`);
        return;
      }
      if (signal === 'none') return;
      if (signal === 'success') return this.countSuccess(gatewayId);
      const successes = this.takeSuccesses(gatewayId);
      const w = await this.store.record(gatewayId, 1, successes);
      if (w.state !== 'closed' || !shouldOpen(w, this.settings)) return;
      const st = await this.store.transition(gatewayId, w.gen, 'open');
      const secs = this.settings.windowMs / 1000;
      if (st) this.changed(gatewayId, st, `${w.failures} of ${w.attempts} sends failed in ${secs} s, last ${why}`);
    } catch (e) {
      this.log.warn(`gateway ${gatewayId}: recording a send for its breaker failed: ${(e as Error).message}`);
    }
  }

  private countSuccess(gatewayId: string): void {
    this.successes.set(gatewayId, (this.successes.get(gatewayId) ?? 0) + 1);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      for (const id of [...this.successes.keys()]) {
        const n = this.takeSuccesses(id);
        if (n) this.store.record(id, 0, n).catch(() => undefined); // lost with Redis down: a few attempts uncounted
      }
    }, FLUSH_MS);
    this.flushTimer.unref();
  }

  private takeSuccesses(gatewayId: string): number {
    const n = this.successes.get(gatewayId) ?? 0;
    this.successes.delete(gatewayId);
    return n;
  }

  private changed(gatewayId: string, st: BreakerState, why: string): void {
    this.states.set(gatewayId, st);
    this.transitions.inc({ gateway: gatewayId, to: st.state });
    if (st.state === 'open') {
      const secs = this.settings.coolDownMs / 1000;
      this.log.warn(`gateway ${gatewayId}: breaker OPEN (${why}); its traffic goes to the next gateway for ${secs} s`);
    } else {
      this.log.log(`gateway ${gatewayId}: breaker closed (${why}); traffic returns to it`);
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }
}
