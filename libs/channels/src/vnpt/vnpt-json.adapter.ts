import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, GatewayConfig } from '@loa/core';
import { DeliveryEvent, InvalidReportError, OutboundSms, RawRequest, SendOutcome, SmsGateway } from '../channel.types';
import { GatewayHttp } from '../http/gateway-http.client';
import { postJsonSend, unreadableOutcome } from '../http/http-outcome';
import { NowSource, SYSTEM_NOW } from '../now';
import { assertUrlSecret, parseJsonBody } from '../webhook-auth';
import { classifyVnptReply, encodeVnptSend } from './vnpt-json.codec';

/** VNPT/VinaPhone brandname JSON API (`send_sms_list`). */
@Injectable()
export class VnptJsonAdapter implements SmsGateway {
  readonly channel = 'sms' as const;
  readonly protocol = 'vnpt-json' as const;

  constructor(
    private readonly http: GatewayHttp,
    @Optional() @Inject(Clock) private readonly clock: NowSource = SYSTEM_NOW,
  ) {}

  private sendOptions(gw: GatewayConfig, signal?: AbortSignal) {
    return { timeoutMs: gw.timeoutMs, nowMs: () => this.clock.nowMs(), signal };
  }

  async send(gw: GatewayConfig, msg: OutboundSms, signal?: AbortSignal): Promise<SendOutcome> {
    // VNPT has no free-text mode: a message must name the registered template it fills.
    if (!msg.template) {
      return { kind: 'refused', code: 'NOT_REGISTERED', text: `no VNPT template registration for gateway ${gw.id}` };
    }
    const send = encodeVnptSend(gw, msg, msg.template);
    const r = await postJsonSend(this.http, gw.endpoint, send, this.sendOptions(gw, signal));
    if ('outcome' in r) return r.outcome;
    const out = classifyVnptReply(r.json);
    if (!out) return unreadableOutcome(r.res, 'answer has no RPLY.ERROR');
    return out.kind === 'accepted' ? { ...out, providerMessageId: msg.requestId } : out;
  }

  /** Assumed format (the connection contract's): JSON {"RQST":{"name":"dlr","REQID","MOBILE","STATUS","ERROR_DESC"}}. */
  parseDeliveryReport(gw: GatewayConfig, req: RawRequest): DeliveryEvent[] {
    assertUrlSecret(gw, req);
    const rq = (parseJsonBody(gw, req) as { RQST?: Record<string, unknown> } | null)?.RQST;
    if (!rq || rq.name !== 'dlr') throw new InvalidReportError(`${gw.id}: expected {"RQST":{"name":"dlr",…}}`, 400);
    const reqId = typeof rq.REQID === 'string' ? rq.REQID : '';
    const status = String(rq.STATUS ?? '');
    if (!reqId) throw new InvalidReportError(`${gw.id}: report without REQID`, 400);
    if (status !== '0' && status !== '1') throw new InvalidReportError(`${gw.id}: STATUS must be "0" or "1"`, 400);
    return [
      {
        gatewayId: gw.id,
        requestId: reqId,
        providerMessageId: reqId,
        phone: typeof rq.MOBILE === 'string' ? rq.MOBILE : undefined,
        status: status === '1' ? 'delivered' : 'failed',
        code: status === '1' ? undefined : String(rq.ERROR_DESC ?? '') || undefined,
        at: new Date(this.clock.nowMs()),
      },
    ];
  }
}
