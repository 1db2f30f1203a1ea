import { Inject, Injectable, Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { APP_CONFIG, AppConfig, Clock, GatewayConfig, JobPayloads } from '@loa/core';
import { SendOutcome } from '@loa/channels';
import { GatewaySettingsService } from '../limiter/gateway-settings.service';
import { DeliveryMetrics } from '../metrics/delivery.metrics';
import { maybeAccepted } from '../policy/in-doubt';
import { planOutcome } from '../policy/outcome-plan';
import { msUntilWindowOpens } from '../policy/quiet-hours';
import { ChannelSpec, parseChannelSpec, parseSendJobId, requestIdFor } from '../policy/routing';
import { FINAL_DELIVERY, DeliveryRepository, SendContext, TemplateRow } from './delivery.repository';
import { InDoubtService } from './in-doubt.service';
import { GatewayHoldsService } from '../holds/gateway-holds.service';
import { renderMessage, RenderedMessage } from './message.renderer';
import { SendRouter } from './send-router';
import { SendSlots } from './send-slots';
import { GatewayCall } from './gateway-call';
import { OUTCOME_RETRY, retryWrite, STATEMENT_RETRY } from './write-retries';
import { CREDENTIALS_PAUSE, CredentialsLostError, ZaloTokenService } from '../zalo/zalo-token.service';

type SendJob = Job<JobPayloads['send-delivery']>;
/** A token refresh that found the gateway needing re-authorisation gives null; any other error is rethrown. */
const credentialsLost = (e: unknown): null => {
  if (e instanceof CredentialsLostError) return null;
  throw e;
};

/**
 * One `send-delivery` job: reload the delivery, check campaign state, quiet hours and pauses, claim the channel
 * attempt in PostgreSQL, take a limiter slot, send, record the outcome. Every step is safe to repeat.
 */
@Injectable()
export class SendDeliveryProcessor {
  private readonly log = new Logger('SendDelivery');
  private readonly templates = new Map<number, { row: TemplateRow; at: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly clock: Clock,
    private readonly repo: DeliveryRepository,
    private readonly settings: GatewaySettingsService,
    private readonly tokens: ZaloTokenService,
    private readonly metrics: DeliveryMetrics,
    private readonly slots: SendSlots,
    private readonly call: GatewayCall,
    private readonly router: SendRouter,
    private readonly inDoubt: InDoubtService,
    private readonly holds: GatewayHoldsService,
  ) {}

  async process(gw: GatewayConfig, job: SendJob, token?: string): Promise<string> {
    const d = await this.repo.loadContext(job.data.deliveryId);
    if (!d) return 'gone';
    if (FINAL_DELIVERY.includes(d.status)) return `already ${d.status}`;
    const expected = parseSendJobId(job.id)?.channelIndex ?? d.channelIndex;
    if (d.channelIndex !== expected) return 'stale: delivery is on another channel';
    const now = this.clock.now();
    if (d.campaignStatus === 'cancelled' || d.runStatus === 'cancelled') {
      await this.repo.cancel(d.id, now);
      return 'cancelled';
    }
    if (d.campaignStatus === 'paused') {
      await this.repo.backToPending(d.id);
      return 'campaign paused';
    }
    const expiresMs = new Date(d.expiresAt).getTime();
    if (expiresMs <= now.getTime()) return this.expire(d, 'EXPIRED', 'run validity ended before sending');

    const closedFor = msUntilWindowOpens(now.getTime(), d.windowStart, d.windowEnd);
    if (closedFor > 0) {
      if (now.getTime() + closedFor >= expiresMs)
        return this.expire(d, 'EXPIRED', 'validity ends before the window opens');
      return this.delay(job, token, closedFor);
    }

    const channels = d.channels;
    const spec = parseChannelSpec(channels[d.channelIndex]);
    const hasNext = channels.length > d.channelIndex + 1;
    if (d.channelBlocked) return this.nextChannel(d, 'CHANNEL_BLOCKED', 'channel stopped for this campaign', false);

    const route = await this.router.route(gw, d, spec.channel);
    if (route.kind === 'fail') return this.fail(d, 'NO_ROUTE', route.reason);
    if (route.kind === 'moved') return route.result;
    if (route.kind === 'held') return this.park(d, route.gatewayId);
    if (route.kind === 'wait') return this.delay(job, token, route.ms, true);
    gw = route.gateway; // this queue's gateway, or a half-open one probed from here

    const paused = await this.whilePaused(gw, job, token, d, hasNext);
    if (paused) return paused;

    let msg: RenderedMessage;
    try {
      msg = renderMessage(this.cfg, gw, d, await this.template(spec));
    } catch (e) {
      return this.fail(d, 'TEMPLATE', (e as Error).message);
    }
    const accessToken = msg.channel === 'zns' ? await this.tokens.accessToken(gw).catch(credentialsLost) : '';
    // The gateway needs re-authorisation (now paused for it): the pause decides, as for any pause.
    if (accessToken === null) return (await this.whilePaused(gw, job, token, d, hasNext)) ?? 'credentials lost';

    // Claim first, then the slot: a database round trip between grant and send would make the sender late whenever
    // the grant's wait is shorter than the query (the slot is then given back; docs/dispatch.md).
    const claim = await this.repo.claim({
      deliveryId: d.id,
      channelIndex: d.channelIndex,
      channel: msg.channel,
      gatewayId: gw.id,
      requestId: requestIdFor(d.id, d.channelIndex),
      segments: msg.segments,
      cost: msg.cost,
    });
    if (claim.kind === 'skip') return `skipped: ${claim.reason}`;
    if (claim.kind === 'elsewhere') return (await this.router.moveTo(claim.gatewayId, d, true)).result;
    if (claim.inDoubt) {
      const held = await this.inDoubt.onInDoubt(gw, d.id, d.channelIndex, 'earlier attempt has no recorded outcome');
      if (held) return held;
    }

    const slot = await this.slots.take(gw);
    if (!slot.ok) {
      await this.repo.recordRetry(d.id, d.channelIndex, 'LIMITER', slot.reason, true); // nothing was sent
      return this.delay(job, token, slot.waitMs, true);
    }

    // A pause that came while this send waited for its slot (another send's -133 or quota answer) holds it too.
    const pausedMeanwhile = await this.whilePaused(gw, job, token, d, hasNext, true);
    if (pausedMeanwhile) return pausedMeanwhile;

    const outcome = await this.call.send(gw, d, msg, accessToken);
    this.router.observe(gw, route, outcome);
    // From here on this process knows what the gateway said: keep trying to record it (PostgreSQL or Redis briefly
    // down) rather than fail the job, whose rerun would find the attempt in doubt.
    // A failed probe of a gateway still down is the gateway's failure, not one of the person's attempts.
    const tried = { attempts: claim.attempts, probe: !!route.probe };
    const record = async () => {
      if (maybeAccepted(outcome)) {
        const held = await this.inDoubt.onInDoubt(gw, d.id, d.channelIndex, `${outcome.code}: ${outcome.text}`);
        if (held) return held;
      }
      return this.apply(gw, job, token, d, tried, hasNext, outcome, accessToken);
    };
    return retryWrite(this.log, `delivery ${d.id}: recording the outcome`, record, OUTCOME_RETRY);
  }

  private async apply(
    gw: GatewayConfig,
    job: SendJob,
    token: string | undefined,
    d: SendContext,
    tried: { attempts: number; probe: boolean },
    hasNext: boolean,
    o: SendOutcome,
    accessToken: string,
  ): Promise<string> {
    if (o.kind === 'accepted') this.metrics.sent.inc({ gateway: gw.id });
    else this.metrics.errors.inc({ gateway: gw.id, kind: o.kind });
    if (o.kind === 'retry' && o.throttled) await this.slots.throttled(gw, o.afterMs);
    const now = this.clock.now();
    const plan = planOutcome(o, {
      ...tried,
      maxAttempts: gw.maxAttempts,
      nowMs: now.getTime(),
      expiresAtMs: new Date(d.expiresAt).getTime(),
      hasNextChannel: hasNext,
      fallbackOnQuotaPause: this.cfg.dispatch.fallbackOnQuotaPause,
    });
    switch (plan.do) {
      case 'sent':
        await this.recorded(() => this.repo.markSent(d.id, d.channelIndex, plan.providerMessageId, now));
        return 'sent';
      case 'fail':
        return this.fail(d, plan.code, plan.text);
      case 'expire':
        return this.expire(d, plan.code, plan.text);
      case 'retry':
        // Credentials lost on refreshing: the gateway is paused for it; the retry finds the pause.
        if (plan.refreshToken) await this.tokens.invalidate(gw, accessToken).catch(credentialsLost);
        await this.recorded(() => this.repo.recordRetry(d.id, d.channelIndex, plan.code, plan.text, plan.refund));
        return this.delay(job, token, plan.delayMs, true);
      case 'nextChannel':
        if (plan.breakChannel) {
          this.log.error(
            `ALERT campaign ${d.campaignId}: ${gw.id} channel stopped (${plan.code} ${plan.text}); falling back`,
          );
        }
        return this.nextChannel(d, plan.code, plan.text, plan.breakChannel);
      case 'hold': {
        this.metrics.refusals.inc({ gateway: gw.id, code: plan.code });
        await this.recorded(() => this.holds.hold(d.campaignId, gw.id, plan.code, plan.text));
        await this.recorded(() => this.repo.recordRetry(d.id, d.channelIndex, plan.code, plan.text));
        // The next gateway of the carrier's route, if any, takes it now; otherwise it waits for the hold to lift.
        const held = { ...d, heldGateways: [...d.heldGateways, gw.id], pinnedGatewayId: null };
        const next = await this.router.route(gw, held, parseChannelSpec(d.channels[d.channelIndex]).channel);
        return `held by ${gw.id} (${plan.code})${next.kind === 'moved' ? `; ${next.result}` : ''}`;
      }
      case 'pause':
        await this.settings.pause(gw.id, new Date(plan.untilMs), plan.reason);
        this.log.warn(
          `gateway ${gw.id} paused until ${new Date(plan.untilMs).toISOString()} (${plan.reason}: ${plan.code})`,
        );
        if (plan.thenNext) return this.nextChannel(d, plan.code, plan.text, false);
        await this.repo.recordRetry(d.id, d.channelIndex, plan.code, plan.text);
        return this.delay(job, token, plan.untilMs - now.getTime());
    }
  }

  /**
   * Gateway paused (quota, night): next channel (quota, if configured), expiry (pause past validity) or a reschedule
   * for the pause's end, its message `deferred` when already `claimed`. Null when not paused.
   */
  private async whilePaused(
    gw: GatewayConfig,
    job: SendJob,
    token: string | undefined,
    d: SendContext,
    hasNext: boolean,
    claimed = false,
  ): Promise<string | null> {
    const live = this.settings.get(gw.id);
    const nowMs = this.clock.nowMs();
    if (!live?.pausedUntil || live.pausedUntil.getTime() <= nowMs) return null;
    if (live.pauseReason === CREDENTIALS_PAUSE) {
      // No end time: the next channel at once, or a look every minute until a new token (or validity's end).
      const lost = `gateway ${gw.id} needs re-authorisation`;
      if (hasNext) return this.nextChannel(d, 'CREDENTIALS', lost, false);
      if (claimed) await this.recorded(() => this.repo.recordRetry(d.id, d.channelIndex, 'CREDENTIALS', lost, true));
      return this.delay(job, token, Math.min(60_000, Math.max(1, new Date(d.expiresAt).getTime() - nowMs)));
    }
    const why = `gateway ${gw.id} paused (${live.pauseReason}) until ${live.pausedUntil.toISOString()}`;
    if (live.pauseReason === 'quota' && this.cfg.dispatch.fallbackOnQuotaPause && hasNext) {
      return this.nextChannel(d, 'PAUSED', why, false);
    }
    if (live.pausedUntil.getTime() >= new Date(d.expiresAt).getTime()) return this.expire(d, 'PAUSED', why);
    if (claimed) await this.recorded(() => this.repo.recordRetry(d.id, d.channelIndex, 'PAUSED', why, true));
    return this.delay(job, token, live.pausedUntil.getTime() - nowMs);
  }

  /** The gateway holds this campaign (refused its own request): the delivery waits, queued, for the hold to lift. */
  private async park(d: SendContext, gatewayId: string): Promise<string> {
    await this.recorded(() =>
      this.repo.recordRetry(d.id, d.channelIndex, 'HELD', `gateway ${gatewayId} holds this campaign`),
    );
    return `held by ${gatewayId}`;
  }

  private async nextChannel(d: SendContext, code: string, text: string, block: boolean): Promise<string> {
    const nextIndex = d.channelIndex + 1;
    const raw = d.channels[nextIndex];
    if (raw === undefined) return this.fail(d, code, text);
    const route = this.router.routeFor(parseChannelSpec(raw).channel, d.carrier);
    if (!route.ok) return this.fail(d, 'NO_ROUTE', `${code} ${text}; next channel: ${route.reason}`);
    const moved = await this.repo.moveToNextChannel(d, d.channelIndex, code, text, this.clock.now(), block);
    if (!moved) return 'moved on already';
    this.metrics.fallbacks.inc({ gateway: route.gateway.id });
    // After the commit: a crash in between leaves the delivery queued, and the dispatch-run sweep on start-up
    // re-enqueues it (same job id, so never twice).
    await this.router.moveTo(route.gateway.id, { id: d.id, channelIndex: nextIndex });
    return `fallback to ${route.gateway.id} (${code})`;
  }

  /** Records an outcome the gateway already gave: retried, never failing the job (write-retries.ts). */
  private recorded<T>(write: () => Promise<T>): Promise<T> {
    return retryWrite(this.log, 'recording an outcome', write, STATEMENT_RETRY);
  }

  private async fail(d: SendContext, code: string, text: string): Promise<string> {
    await this.recorded(() => this.repo.finish(d.id, d.channelIndex, 'failed', code, text, this.clock.now()));
    return `failed: ${code}`;
  }

  private async expire(d: SendContext, code: string, text: string): Promise<string> {
    await this.recorded(() => this.repo.finish(d.id, d.channelIndex, 'expired', code, text, this.clock.now()));
    return 'expired';
  }

  /** Re-queues the job `clockMs` from now (clock time; real time under a fast test clock) and ends this run of it. */
  private async delay(job: SendJob, token: string | undefined, clockMs: number, realMs = false): Promise<never> {
    const ms = realMs ? clockMs : this.clock.realDelay(clockMs);
    await job.moveToDelayed(Date.now() + Math.max(1, Math.ceil(ms)), token);
    throw new DelayedError();
  }

  private async template(spec: ChannelSpec): Promise<TemplateRow> {
    if (spec.templateId === null) throw new Error('campaign channel has no templateId');
    const hit = this.templates.get(spec.templateId);
    if (hit && Date.now() - hit.at < 30_000) return hit.row;
    const row = await this.repo.template(spec.templateId);
    if (!row) throw new Error(`template ${spec.templateId} does not exist`);
    this.templates.set(spec.templateId, { row, at: Date.now() });
    return row;
  }
}
