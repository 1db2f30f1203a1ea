import { AppConfig, GatewayConfig } from '@loa/core';
import { routeList } from '@loa/channels';

export type ChannelKind = 'sms' | 'zns';

/** One entry of a campaign's `channels` jsonb: the channel and the template it sends. */
export interface ChannelSpec {
  channel: ChannelKind;
  templateId: number | null;
}

/**
 * Reads one entry of `campaigns.channels`. Accepts the plain form ("zns") and the object form
 * ({channel|kind, templateId|template_id}); anything else is a configuration error named in the message.
 */
export function parseChannelSpec(raw: unknown): ChannelSpec {
  if (raw === 'sms' || raw === 'zns') return { channel: raw, templateId: null };
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    const channel = o.channel ?? o.kind;
    const tpl = o.templateId ?? o.template_id ?? null;
    if ((channel === 'sms' || channel === 'zns') && (tpl === null || Number.isInteger(Number(tpl)))) {
      return { channel, templateId: tpl === null ? null : Number(tpl) };
    }
  }
  throw new Error(`campaign channel entry ${JSON.stringify(raw)} is not "sms"/"zns" or {channel, templateId}`);
}

/** Whether a gateway takes traffic now (its circuit breaker): yes, no (open), or only as a probe (half-open). */
export type Admission = 'yes' | 'no' | 'probe';

export type Route =
  | {
      ok: true;
      gateway: GatewayConfig;
      /** The gateway is half-open: this send may go only as one of its few probes. */
      probe: boolean;
      /** The carrier's preferred gateway, when `gateway` is a later one (failover). */
      preferred: GatewayConfig;
    }
  | { ok: false; reason: string };

/**
 * The one routing rule (send processor, dispatch-run, in-doubt fallback, api; the preview reads `routeList`): the
 * first gateway of the channel's route (`routeList`: ZNS → the zns gateway, SMS → `routes[carrier]` in order) that
 * `admit` lets through; when none does, the first (there is nowhere better to send, and its retries carry on as
 * with a route of one). Without `admit`, every gateway takes traffic: the configured first choice.
 */
export function routeFor(
  cfg: Pick<AppConfig, 'gateways' | 'routes'>,
  channel: ChannelKind,
  carrier: string,
  admit: (gatewayId: string) => Admission = () => 'yes',
): Route {
  const list = routeList(cfg, channel, carrier);
  if (!list.ok) return list;
  const preferred = list.gateways[0];
  for (const gateway of list.gateways) {
    const a = admit(gateway.id);
    if (a !== 'no') return { ok: true, gateway, probe: a === 'probe', preferred };
  }
  return { ok: true, gateway: preferred, probe: false, preferred };
}

/** BullMQ job id of a send: one per delivery and channel attempt, so the same send is never queued twice. */
export const sendJobId = (deliveryId: string | number, channelIndex: number): string =>
  `d${deliveryId}c${channelIndex}`;

export function parseSendJobId(jobId: string | undefined): { deliveryId: string; channelIndex: number } | null {
  const m = /^d(\d+)c(\d+)$/.exec(jobId ?? '');
  return m ? { deliveryId: m[1], channelIndex: Number(m[2]) } : null;
}

/**
 * Our idempotency key towards the gateway: the same on every retry of one channel attempt, unique across all
 * deliveries, and digits only (Viettel's `RequestID` is numeric): deliveryId × 10 + channelIndex. A campaign lists
 * each channel at most once, so channelIndex is 0 or 1.
 */
export function requestIdFor(deliveryId: string | number, channelIndex: number): string {
  if (!Number.isInteger(channelIndex) || channelIndex < 0 || channelIndex > 9) {
    throw new Error(`channel index ${channelIndex} out of range 0-9`);
  }
  return (BigInt(deliveryId) * 10n + BigInt(channelIndex)).toString();
}

/** Worker concurrency that can keep `rate`/s going with the gateway's latency and the limiter's look-ahead. */
export function concurrencyFor(gw: Pick<GatewayConfig, 'concurrency'>, rate: number): number {
  // Little's law: jobs in flight ≥ rate × the time a job spends outside its slot wait (two or three SQL round trips,
  // one limiter call, the gateway round trip, BullMQ's moves: ~50–150 ms on a loaded machine). Fewer leave gaps in
  // the grant sequence (lost utilisation); the surplus only waits for slots, reserved at most maxLimiterWaitMs ahead.
  return gw.concurrency ?? Math.min(600, Math.ceil(rate / 4) + 8);
}
