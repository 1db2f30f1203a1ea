import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, GatewayConfig } from '@loa/core';
import { DeliveryEvent, InvalidReportError, OutboundSms, RawRequest, SendOutcome, SmsGateway } from '../channel.types';
import { GatewayHttp } from '../http/gateway-http.client';
import { postJsonSend, unreadableOutcome } from '../http/http-outcome';
import { NowSource, SYSTEM_NOW } from '../now';
import { assertUrlSecret, first, safeEqual } from '../webhook-auth';
import { classifyEsmsReply, encodeEsmsSend, esmsCallbackToken, ESMS_SEND_PATH, ESMS_TELCO } from './esms-json.codec';

/** SendStatus values that are not final (1 in review, 2 waiting): no event; eSMS reports again when final. */
const NOT_FINAL = new Set(['1', '2']);

/** eSMS (aggregator, all carriers), JSON API V4. Credentials: apiKey, secretKey, smsType ("2" care), sandbox, campaignId. */
@Injectable()
export class EsmsJsonAdapter implements SmsGateway {
  readonly channel = 'sms' as const;
  readonly protocol = 'esms-json' as const;

  constructor(
    private readonly http: GatewayHttp,
    @Optional() @Inject(Clock) private readonly clock: NowSource = SYSTEM_NOW,
  ) {}

  private sendOptions(gw: GatewayConfig, signal?: AbortSignal) {
    return { timeoutMs: gw.timeoutMs, nowMs: () => this.clock.nowMs(), signal };
  }

  async send(gw: GatewayConfig, msg: OutboundSms, signal?: AbortSignal): Promise<SendOutcome> {
    const url = gw.endpoint.replace(/\/+$/, '') + ESMS_SEND_PATH;
    const r = await postJsonSend(this.http, url, encodeEsmsSend(gw, msg), this.sendOptions(gw, signal));
    if ('outcome' in r) return r.outcome;
    return classifyEsmsReply(r.json) ?? unreadableOutcome(r.res, 'answer has no CodeResult');
  }

  /** HTTP GET to our CallbackUrl: SMSID, SendStatus (5 delivered), telcoid, phonenumber; plus our secret and rid. */
  parseDeliveryReport(gw: GatewayConfig, req: RawRequest): DeliveryEvent[] {
    assertUrlSecret(gw, req);
    const q = (k: string) => first(req.query[k])?.trim() || undefined;
    const smsId = q('SMSID');
    const status = q('SendStatus');
    if (!smsId) throw new InvalidReportError(`${gw.id}: report without SMSID`, 400);
    if (!status || !/^\d+$/.test(status)) throw new InvalidReportError(`${gw.id}: SendStatus must be a number`, 400);
    const telco = q('telcoid');
    if (telco !== undefined && !(telco in ESMS_TELCO)) {
      throw new InvalidReportError(`${gw.id}: unknown telcoid "${telco}"`, 400);
    }
    // A report naming our request id must carry that message's token (see esmsCallbackUrl); one without `rid`
    // matches by eSMS's own SMSID only, which nobody but eSMS knows.
    const rid = q('rid');
    if (rid !== undefined && !safeEqual(q('t') ?? '', esmsCallbackToken(gw.credentials.secretKey ?? '', rid))) {
      throw new InvalidReportError(`${gw.id}: report naming request ${rid} without its callback token`, 403);
    }
    if (NOT_FINAL.has(status)) return [];
    return [
      {
        gatewayId: gw.id,
        providerMessageId: smsId,
        requestId: q('rid'),
        phone: q('phonenumber'),
        status: status === '5' ? 'delivered' : 'failed',
        carrier: telco ? ESMS_TELCO[telco] : undefined,
        code: status === '5' ? undefined : `SendStatus-${status}`,
        at: new Date(this.clock.nowMs()),
      },
    ];
  }
}
