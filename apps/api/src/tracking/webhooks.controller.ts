import { Controller, Get, HttpCode, HttpException, Inject, NotFoundException, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@loa/access';
import { GatewayRegistry, InvalidReportError, RawRequest } from '@loa/channels';
import { APP_CONFIG, AppConfig, GatewayConfig } from '@loa/core';
import { ReportInboxService } from '@loa/tracking';

type RawBodyRequest = Request & { rawBody?: Buffer };

/** "::ffff:10.0.0.1" and "10.0.0.1" are the same IPv4 source. */
const plainIp = (ip: string | undefined) => (ip ?? '').replace(/^::ffff:/, '');

/**
 * Delivery reports from the gateways. Authentication and parsing belong to each gateway's adapter; this answers
 * as soon as the verified events are stored (gateways retry slow answers: Zalo gives 2 s), and the worker applies
 * them afterwards. Forged or malformed reports get a 4xx and change nothing.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly registry: GatewayRegistry,
    private readonly inbox: ReportInboxService,
  ) {}

  @Get(':gatewayId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delivery report by GET (eSMS callbacks)' })
  viaGet(@Param('gatewayId') id: string, @Req() req: RawBodyRequest) {
    return this.receive(id, req);
  }

  @Post(':gatewayId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delivery report by POST (Viettel form, VNPT JSON, Zalo signed JSON)' })
  viaPost(@Param('gatewayId') id: string, @Req() req: RawBodyRequest) {
    return this.receive(id, req);
  }

  private async receive(id: string, req: RawBodyRequest) {
    const gw = this.gateway(id);
    if (gw.webhookAllowIps.length && !gw.webhookAllowIps.map(plainIp).includes(plainIp(req.ip))) {
      throw new HttpException(
        { statusCode: 403, error: 'Forbidden', message: `${gw.id}: reports are not accepted from ${plainIp(req.ip)}` },
        403,
      );
    }
    const adapter = this.registry.adapter(gw);
    if (!adapter.parseDeliveryReport) throw new NotFoundException(`Gateway "${gw.id}" does not send delivery reports`);
    const raw: RawRequest = {
      method: req.method,
      headers: req.headers,
      query: req.query as RawRequest['query'],
      rawBody: req.rawBody,
    };
    let events;
    try {
      events = adapter.parseDeliveryReport(gw, raw);
    } catch (e) {
      if (e instanceof InvalidReportError) {
        const error = e.status === 400 ? 'Bad Request' : e.status === 401 ? 'Unauthorized' : 'Forbidden';
        throw new HttpException({ statusCode: e.status, error, message: e.message }, e.status);
      }
      throw e;
    }
    const { stored, duplicates } = await this.inbox.store(events);
    return { ok: true, events: events.length, stored, duplicates };
  }

  private gateway(id: string): GatewayConfig {
    const gw = this.cfg.gateways.find((g) => g.id === id);
    if (!gw) throw new NotFoundException(`Unknown gateway "${id}"`);
    return gw;
  }
}
