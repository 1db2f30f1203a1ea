import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, GatewayConfig } from '@loa/core';
import {
  DeliveryEvent,
  InvalidReportError,
  OutboundZns,
  RawRequest,
  SendOutcome,
  ZnsGateway,
  ZnsToken,
} from '../channel.types';
import { GatewayHttp } from '../http/gateway-http.client';
import { postJsonSend, unreadableOutcome } from '../http/http-outcome';
import { NowSource, SYSTEM_NOW } from '../now';
import { header, safeEqual } from '../webhook-auth';
import { classifyZaloReply } from './zalo-zns.codes';
import { zaloMac } from './zalo-signature';

/**
 * A token refresh that did not give a pair. `needsReauthorisation`: Zalo's OAuth answered with an error of its own
 * (refresh token used, expired or revoked, wrong app secret or app id), which no retry can fix: only the OA
 * administrator's consent brings the gateway back. Otherwise (5xx, no JSON) the refresh may simply be retried.
 */
export class ZaloTokenError extends Error {
  constructor(
    message: string,
    readonly needsReauthorisation = false,
  ) {
    super(message);
  }
}

/**
 * Zalo ZNS template messages + OAuth v4 token refresh + signed webhooks.
 * Credentials: appId, appSecret (OAuth `secret_key`), oaSecretKey (webhook mac; falls back to webhookSecret).
 */
@Injectable()
export class ZaloZnsAdapter implements ZnsGateway {
  readonly channel = 'zns' as const;
  readonly protocol = 'zalo-zns' as const;

  constructor(
    private readonly http: GatewayHttp,
    @Optional() @Inject(Clock) private readonly clock: NowSource = SYSTEM_NOW,
  ) {}

  private sendOptions(gw: GatewayConfig, signal?: AbortSignal) {
    return { timeoutMs: gw.timeoutMs, nowMs: () => this.clock.nowMs(), signal };
  }

  async send(gw: GatewayConfig, msg: OutboundZns, signal?: AbortSignal): Promise<SendOutcome> {
    const url = gw.endpoint.replace(/\/+$/, '') + '/message/template';
    const send = {
      phone: msg.phone,
      template_id: msg.templateId,
      template_data: msg.templateData,
      tracking_id: msg.trackingId,
      ...(gw.credentials.mode === 'development' ? { mode: 'development' } : {}),
    };
    const r = await postJsonSend(this.http, url, send, {
      ...this.sendOptions(gw, signal),
      headers: { access_token: msg.accessToken },
    });
    if ('outcome' in r) return r.outcome;
    return classifyZaloReply(r.json, this.clock.nowMs()) ?? unreadableOutcome(r.res, 'answer has no error field');
  }

  async refreshToken(gw: GatewayConfig, refreshToken: string): Promise<ZnsToken> {
    const base = (gw.oauthEndpoint ?? 'https://oauth.zaloapp.com').replace(/\/+$/, '');
    const form = new URLSearchParams({
      app_id: gw.credentials.appId ?? '',
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    }).toString();
    const res = await this.http.post(
      `${base}/v4/oa/access_token`,
      form,
      { 'content-type': 'application/x-www-form-urlencoded', secret_key: gw.credentials.appSecret ?? '' },
      gw.timeoutMs,
    );
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(res.text) as Record<string, unknown>;
    } catch {
      throw new ZaloTokenError(`token refresh: HTTP ${res.status}, answer is not JSON`);
    }
    const { access_token, refresh_token, expires_in } = json;
    // expires_in arrives as a string. A pair with an unreadable lifetime is still kept: its refresh token is the only
    // one left (the old one is spent); it counts as expiring at once and is refreshed again after the 5 s floor.
    const ttl = Math.max(0, Number(expires_in) || 0);
    if (res.status !== 200 || typeof access_token !== 'string' || typeof refresh_token !== 'string') {
      const why = json.error_description ?? json.error_name ?? json.message ?? `error ${String(json.error)}`;
      // OAuth's own refusal (an `error` code in a 200 or 4xx answer) is final; a server error is not.
      const final = res.status < 500 && json.error !== undefined && Number(json.error) !== 0;
      throw new ZaloTokenError(
        `token refresh refused (HTTP ${res.status}, error ${String(json.error)}): ${String(why)}`,
        final,
      );
    }
    return {
      accessToken: access_token,
      refreshToken: refresh_token,
      expiresAt: new Date(this.clock.nowMs() + ttl * 1000),
    };
  }

  /** Verifies `X-ZEvent-Signature: mac=<hex>` over the raw body; maps received → delivered, seen → seen. */
  parseDeliveryReport(gw: GatewayConfig, req: RawRequest): DeliveryEvent[] {
    const sig = header(req, 'x-zevent-signature');
    if (!sig) throw new InvalidReportError(`${gw.id}: no X-ZEvent-Signature`, 401);
    const raw = req.rawBody;
    if (!raw || raw.length === 0) throw new InvalidReportError(`${gw.id}: empty webhook body`, 400);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new InvalidReportError(`${gw.id}: webhook body is not JSON`, 400);
    }
    if (!body || typeof body !== 'object') throw new InvalidReportError(`${gw.id}: webhook body is not an object`, 400);
    const timestamp = body.timestamp === undefined ? '' : String(body.timestamp);
    if (!timestamp) throw new InvalidReportError(`${gw.id}: webhook without timestamp`, 400);
    const secret = gw.credentials.oaSecretKey ?? gw.webhookSecret;
    const expected = zaloMac(gw.credentials.appId ?? '', raw, timestamp, secret);
    const given = sig.trim().replace(/^mac=/i, '').toLowerCase();
    if (!safeEqual(given, expected)) throw new InvalidReportError(`${gw.id}: bad webhook signature`, 403);

    const at = new Date(/^\d+$/.test(timestamp) ? Number(timestamp) : this.clock.nowMs());
    const message = (body.message ?? {}) as Record<string, unknown>;
    switch (body.event_name) {
      case 'user_received_message': {
        const msgId = message.msg_id === undefined ? undefined : String(message.msg_id);
        const trackingId = message.tracking_id === undefined ? undefined : String(message.tracking_id);
        if (!msgId && !trackingId) throw new InvalidReportError(`${gw.id}: received event without msg_id`, 400);
        return [{ gatewayId: gw.id, providerMessageId: msgId, requestId: trackingId, status: 'delivered', at }];
      }
      case 'user_seen_message': {
        const ids = message.msg_ids;
        if (!Array.isArray(ids)) throw new InvalidReportError(`${gw.id}: seen event without msg_ids[]`, 400);
        return ids.map((id) => ({ gatewayId: gw.id, providerMessageId: String(id), status: 'seen' as const, at }));
      }
      default:
        return []; // other OA events (follow, user messages…) are acknowledged and ignored
    }
  }
}
