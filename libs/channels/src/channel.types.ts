import { GatewayConfig } from '@loa/core';

export type ChannelKind = 'sms' | 'zns';
export type GatewayId = string;

/** One SMS to one person. `requestId` is stable per delivery+channel attempt: the gateway's idempotency key. */
export interface OutboundSms {
  requestId: string;
  /** Canonical 84XXXXXXXXX. */
  phone: string;
  brandname: string;
  text: string;
  /** true when `text` needs UCS-2 (accented); false for GSM 7-bit. */
  unicode: boolean;
  /** Where the gateway should send its delivery report, when the protocol takes one per message (eSMS). */
  callbackUrl?: string;
  /**
   * The registration this message goes out under, for gateways that send registered templates with parameters
   * (VNPT): the gateway's template id, its label (brandname) id when it is not the configured one, and the values
   * of the registered text's slots {1}, {2}… in order. The person receives the registered text with them filled.
   */
  template?: { templateId: string; labelId?: string; params: string[] };
}

/** One Zalo ZNS template message to one person. `trackingId` is our id, echoed back in webhooks. */
export interface OutboundZns {
  trackingId: string;
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  /** Current OAuth access token (the adapter never refreshes by itself; the dispatcher owns the token). */
  accessToken: string;
}

/**
 * What a send came to. The adapter maps its protocol's own codes onto these; the dispatcher acts on them.
 * - accepted: the gateway took the message (providerMessageId when it returns one).
 * - retry: try again later (throttled, timeout, 5xx, transient); `afterMs` when the gateway said how long.
 * - rejected: permanent for this message; keep the gateway's code and text.
 * - fallback: permanent on this channel for this person (no Zalo account, refused OA…): use the next channel.
 * - token: the access token is invalid/expired (Zalo -124): refresh and retry.
 * - pause: the whole channel must stop until `untilMs` (quota exhausted, night-time template -133).
 * - channelBroken: the campaign's use of this channel must stop (template invalid/unapproved).
 * - refused: the gateway refused our request for a reason that is ours to fix, not the person's (malformed field,
 *   content not matching a registered template, unknown brandname, bad credentials, no balance): the gateway's
 *   traffic for the campaign stops and the delivery waits for an operator, instead of counting as a failure.
 */
export type SendOutcome =
  | { kind: 'accepted'; providerMessageId?: string; raw?: unknown }
  | { kind: 'retry'; code: string; text: string; afterMs?: number; throttled?: boolean }
  | { kind: 'rejected'; code: string; text: string }
  | { kind: 'fallback'; code: string; text: string }
  | { kind: 'token'; code: string; text: string }
  | { kind: 'pause'; code: string; text: string; untilMs?: number; reason: 'quota' | 'night' }
  | { kind: 'channelBroken'; code: string; text: string }
  | { kind: 'refused'; code: string; text: string };

/** An inbound HTTP request as received, for delivery-report parsing and signature checks. */
export interface RawRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[] | undefined>;
  /** Exact bytes received (signatures are computed over these, never over re-serialised JSON). */
  rawBody?: Buffer;
}

export type DeliveryEventStatus = 'delivered' | 'failed' | 'seen';
export type Carrier = 'viettel' | 'vinaphone' | 'mobifone' | 'vietnamobile' | 'gmobile' | 'itel';

/** A delivery report, normalised. Matches our message by providerMessageId or by requestId (tracking_id). */
export interface DeliveryEvent {
  gatewayId: GatewayId;
  providerMessageId?: string;
  requestId?: string;
  phone?: string;
  status: DeliveryEventStatus;
  /** The carrier the gateway says the number is on (ported numbers), when it says. */
  carrier?: Carrier;
  code?: string;
  at: Date;
}

/** Thrown by parseDeliveryReport for a report that is malformed or not authentic; the webhook answers 4xx. */
export class InvalidReportError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 = 400,
  ) {
    super(message);
  }
}

interface GatewayBase {
  readonly protocol: GatewayConfig['protocol'];
  /** Parses and authenticates one delivery-report request for this gateway; throws InvalidReportError. */
  parseDeliveryReport?(gw: GatewayConfig, req: RawRequest): DeliveryEvent[];
}

/** One class per SMS protocol; stateless: credentials come from the GatewayConfig passed per call. */
export interface SmsGateway extends GatewayBase {
  readonly channel: 'sms';
  send(gw: GatewayConfig, msg: OutboundSms, signal?: AbortSignal): Promise<SendOutcome>;
}

export interface ZnsToken {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface ZnsGateway extends GatewayBase {
  readonly channel: 'zns';
  send(gw: GatewayConfig, msg: OutboundZns, signal?: AbortSignal): Promise<SendOutcome>;
  /** OAuth v4 refresh: single-use refresh token in, new pair out. Throws on failure. */
  refreshToken(gw: GatewayConfig, refreshToken: string): Promise<ZnsToken>;
}

export type Gateway = SmsGateway | ZnsGateway;
