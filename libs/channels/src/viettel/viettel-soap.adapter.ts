import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, GatewayConfig } from '@loa/core';
import { DeliveryEvent, InvalidReportError, OutboundSms, RawRequest, SendOutcome, SmsGateway } from '../channel.types';
import { GatewayHttp } from '../http/gateway-http.client';
import { httpStatusOutcome, transportOutcome, unreadableOutcome } from '../http/http-outcome';
import { NowSource, SYSTEM_NOW } from '../now';
import { parseVnCompact } from '../vn-time';
import { assertUrlSecret, bodyText } from '../webhook-auth';
import { classifyWsCpMt, encodeWsCpMt, parseWsCpMtReply, VIETTEL_MAX_CONTENT } from './viettel-soap.codec';

/** Viettel SMS Brandname over SOAP 1.1 (`wsCpMt`). Credentials: user, password, cpCode (userId optional). */
@Injectable()
export class ViettelSoapAdapter implements SmsGateway {
  readonly channel = 'sms' as const;
  readonly protocol = 'viettel-soap' as const;

  constructor(
    private readonly http: GatewayHttp,
    @Optional() @Inject(Clock) private readonly clock: NowSource = SYSTEM_NOW,
  ) {}

  async send(gw: GatewayConfig, msg: OutboundSms, signal?: AbortSignal): Promise<SendOutcome> {
    // Viettel's RequestID is numeric (it answers REQUEST_ID_NOT_NUMBER): never send another one.
    if (!/^\d+$/.test(msg.requestId)) {
      return { kind: 'rejected', code: 'request-id-not-numeric', text: `RequestID "${msg.requestId}" is not digits` };
    }
    if (msg.text.length > VIETTEL_MAX_CONTENT) {
      return { kind: 'rejected', code: 'content-too-long', text: `${msg.text.length} > ${VIETTEL_MAX_CONTENT} chars` };
    }
    const c = gw.credentials;
    const body = encodeWsCpMt({
      User: c.user ?? '',
      Password: c.password ?? '',
      CPCode: c.cpCode ?? '',
      RequestID: msg.requestId,
      // Viettel requires UserID = ReceiverID for brandname pushes (it answers UserID_NOT_EQUAL_ReceiverID).
      UserID: msg.phone,
      ReceiverID: msg.phone,
      ServiceID: msg.brandname,
      CommandCode: 'bulksms',
      Content: msg.text,
      ContentType: msg.unicode ? '1' : '0',
    });
    let res;
    try {
      res = await this.http.post(
        gw.endpoint,
        body,
        { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
        gw.timeoutMs,
        signal,
      );
    } catch (e) {
      return transportOutcome(e);
    }
    const reply = parseWsCpMtReply(res.text);
    // A SOAP fault comes with HTTP 500: read it before the generic status mapping.
    if (reply && 'fault' in reply) return classifyWsCpMt(reply);
    const byStatus = httpStatusOutcome(res, this.clock.nowMs());
    if (byStatus) return byStatus;
    if (!reply) return unreadableOutcome(res, 'no <result> in the SOAP answer');
    const out = classifyWsCpMt(reply);
    // Viettel returns no message id: our RequestID is the key its reports carry.
    return out.kind === 'accepted' ? { ...out, providerMessageId: msg.requestId } : out;
  }

  /** Assumed format (the connection contract's): form-urlencoded RequestID, ReceiverID, Status, ErrorCode, DoneTime. */
  parseDeliveryReport(gw: GatewayConfig, req: RawRequest): DeliveryEvent[] {
    assertUrlSecret(gw, req);
    const form = new URLSearchParams(bodyText(gw, req));
    const requestId = form.get('RequestID');
    const status = form.get('Status');
    if (!requestId) throw new InvalidReportError(`${gw.id}: report without RequestID`, 400);
    if (status !== '0' && status !== '1') throw new InvalidReportError(`${gw.id}: Status must be 0 or 1`, 400);
    const done = form.get('DoneTime');
    const at = done ? parseVnCompact(done) : this.clock.nowMs();
    if (at === undefined) throw new InvalidReportError(`${gw.id}: DoneTime must be yyyyMMddHHmmss`, 400);
    return [
      {
        gatewayId: gw.id,
        requestId,
        providerMessageId: requestId,
        phone: form.get('ReceiverID') ?? undefined,
        status: status === '1' ? 'delivered' : 'failed',
        code: form.get('ErrorCode') || undefined,
        at: new Date(at),
      },
    ];
  }
}
