import { Inject, Injectable } from '@nestjs/common';
import { callbackUrlFor, GatewayRegistry, SendOutcome } from '@loa/channels';
import { APP_CONFIG, AppConfig, GatewayConfig } from '@loa/core';
import { DeliveryMetrics } from '../metrics/delivery.metrics';
import { requestIdFor } from '../policy/routing';
import { SendContext } from './delivery.repository';
import { RenderedMessage } from './message.renderer';

/** One call to the gateway's adapter with the delivery's rendered message; never throws (an exception is a retry). */
@Injectable()
export class GatewayCall {
  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly registry: GatewayRegistry,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async send(gw: GatewayConfig, d: SendContext, msg: RenderedMessage, accessToken: string): Promise<SendOutcome> {
    const end = this.metrics.latency.startTimer({ gateway: gw.id });
    const requestId = requestIdFor(d.id, d.channelIndex);
    const signal = AbortSignal.timeout(gw.timeoutMs);
    try {
      if (msg.channel === 'zns') {
        const { templateId, templateData } = msg;
        return await this.registry
          .zns(gw)
          .send(gw, { trackingId: requestId, phone: d.phone, templateId, templateData, accessToken }, signal);
      }
      return await this.registry.sms(gw).send(
        gw,
        {
          requestId,
          phone: d.phone,
          brandname: d.brandname,
          text: msg.text,
          unicode: msg.unicode,
          callbackUrl: callbackUrlFor(this.cfg, gw.id),
          template: msg.template,
        },
        signal,
      );
    } catch (e) {
      return { kind: 'retry', code: 'EXCEPTION', text: (e as Error).message };
    } finally {
      end();
    }
  }
}
