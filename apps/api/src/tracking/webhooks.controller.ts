import { Controller, Get, HttpCode, HttpException, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@loa/access';
import { GatewayRegistry, RawRequest } from '@loa/channels';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { ReportInboxService } from '@loa/tracking';
import { WebhookReceiver } from './webhook.receiver';

type RawBodyRequest = Request & { rawBody?: Buffer };

/** Each gateway protocol answers in its own format: JSON for most, text for some acknowledgements. */
const WEBHOOK_ANSWER = {
  description: 'The acknowledgement the gateway expects',
  content: {
    'application/json': { schema: { type: 'object' as const, additionalProperties: true } },
    'text/plain': { schema: { type: 'string' as const } },
  },
};

/**
 * Delivery reports from the gateways (see WebhookReceiver). In the running api, these requests are answered by
 * the early node:http handler (`mountTrackingHotPaths`) before Nest's middleware; this controller documents the
 * routes and serves them the same way wherever that handler is not mounted or lets a request through
 * (compressed bodies).
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks')
export class WebhooksController {
  private readonly receiver: WebhookReceiver;

  constructor(@Inject(APP_CONFIG) cfg: AppConfig, registry: GatewayRegistry, inbox: ReportInboxService) {
    this.receiver = new WebhookReceiver(cfg, registry, inbox);
  }

  @Get(':gatewayId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delivery report by GET (eSMS callbacks)' })
  @ApiOkResponse(WEBHOOK_ANSWER)
  viaGet(@Param('gatewayId') id: string, @Req() req: RawBodyRequest) {
    return this.receive(id, req);
  }

  @Post(':gatewayId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delivery report by POST (Viettel form, VNPT JSON, Zalo signed JSON)' })
  @ApiOkResponse(WEBHOOK_ANSWER)
  viaPost(@Param('gatewayId') id: string, @Req() req: RawBodyRequest) {
    return this.receive(id, req);
  }

  private async receive(id: string, req: RawBodyRequest) {
    const raw: RawRequest = {
      method: req.method,
      headers: req.headers,
      query: req.query as RawRequest['query'],
      rawBody: req.rawBody,
    };
    const answer = await this.receiver.receive(id, raw, req.ip);
    if (answer.status !== 200) throw new HttpException(answer.body, answer.status);
    return answer.body;
  }
}
