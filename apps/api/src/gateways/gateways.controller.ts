import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Put,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { routeList } from '@loa/channels';
import { APP_CONFIG, AppConfig, CARRIERS, GatewayConfig } from '@loa/core';
import { AuditService, CurrentPrincipal, National, Principal, Roles } from '@loa/access';
import { GatewayBreakers, GatewaySettingsService, routeFor, SendQueues, ZaloTokenService } from '@loa/delivery';
import {
  CarrierRouteResponse,
  GatewayResponse,
  GatewayStateResponse,
  RefreshTokenStoredResponse,
} from './gateways.responses';

export class PatchGatewayDto {
  /** Messages per second the gateway accepts (any sliding second); applied by every worker within ~1 s. */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000, description: 'Messages per sliding second' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  ratePerSecond: number;
}

export class RefreshTokenDto {
  /** The refresh token Zalo issued when the OA administrator re-authorised the app (single-use at Zalo). */
  @ApiProperty({ maxLength: 2000, description: 'Issued by Zalo when the OA administrator re-authorised the app' })
  @IsString()
  @MaxLength(2000)
  @Matches(/^[\x21-\x7e]+$/, { message: 'refreshToken must be printable ASCII, no spaces' })
  refreshToken: string;
}

@ApiTags('gateways')
@Controller('gateways')
export class GatewaysController {
  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly settings: GatewaySettingsService,
    private readonly queues: SendQueues,
    private readonly breakers: GatewayBreakers,
    private readonly audit: AuditService,
    private readonly tokens: ZaloTokenService,
    private readonly ds: DataSource,
  ) {}

  private gateway(id: string): GatewayConfig {
    const gw = this.cfg.gateways.find((g) => g.id === id);
    if (!gw) throw new NotFoundException(`Gateway "${id}" is not configured`);
    return gw;
  }

  @Get()
  @ApiOperation({ summary: 'Configured gateways with their live rate, pause, circuit breaker and queue counts' })
  @ApiOkResponse({ type: [GatewayResponse] })
  async list() {
    await Promise.all([this.settings.refresh(), this.breakers.refresh()]);
    return Promise.all(
      this.settings.all().map(async (s) => ({
        ...s,
        protocol: this.cfg.gateways.find((g) => g.id === s.id)?.protocol,
        breaker: this.breakerView(s.id),
        queue: await this.queues.forGateway(s.id).getJobCounts('waiting', 'active', 'delayed', 'failed'),
      })),
    );
  }

  @Get('routes')
  @ApiOkResponse({ type: [CarrierRouteResponse] })
  @ApiOperation({
    summary: 'Per carrier: its SMS gateways in order of preference and the one its sends go to now (failover)',
  })
  async routes() {
    await this.breakers.refresh();
    return CARRIERS.map((carrier) => {
      const list = routeList(this.cfg, 'sms', carrier);
      const live = routeFor(this.cfg, 'sms', carrier, this.breakers.forEnqueue);
      return {
        carrier,
        gateways: list.ok ? list.gateways.map((g) => ({ id: g.id, breaker: this.breakerView(g.id) })) : [],
        live: live.ok ? live.gateway.id : null,
        failover: live.ok && live.gateway.id !== live.preferred.id,
        ...(list.ok ? {} : { problem: list.reason }),
      };
    });
  }

  private breakerView(id: string) {
    const b = this.breakers.state(id);
    const at = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);
    return { state: b.state, since: at(b.sinceMs), probingFrom: b.state === 'open' ? at(b.untilMs) : null };
  }

  @Roles('admin')
  @National()
  @Patch(':id')
  @ApiOperation({ summary: 'Change a gateway’s rate (national admin; audited; live without restart)' })
  @ApiOkResponse({ type: GatewayStateResponse })
  async patch(@Param('id') id: string, @Body() dto: PatchGatewayDto, @CurrentPrincipal() who: Principal) {
    this.gateway(id);
    await this.settings.ensureLoaded();
    const before = this.settings.rate(id);
    return this.settings.setRate(id, dto.ratePerSecond, (m) =>
      this.audit.record(who, 'update', 'gateway', id, { ratePerSecond: { from: before, to: dto.ratePerSecond } }, m),
    );
  }

  @Roles('admin')
  @National()
  @Delete(':id/pause')
  @ApiOperation({ summary: 'Lift a gateway’s pause (quota, night) now (national admin; audited)' })
  @ApiOkResponse({ type: GatewayStateResponse })
  async unpause(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    this.gateway(id);
    await this.settings.refresh();
    const before = this.settings.get(id);
    if (!before?.pausedUntil) throw new NotFoundException(`Gateway "${id}" is not paused`);
    const after = await this.settings.unpause(id, (m) =>
      this.audit.record(
        who,
        'unpause',
        'gateway',
        id,
        { pausedUntil: { from: before.pausedUntil, to: null }, pauseReason: { from: before.pauseReason, to: null } },
        m,
      ),
    );
    // Sends rescheduled for the pause's end are looked at again now (each re-checks its own conditions).
    await this.queues.forGateway(id).promoteJobs();
    return after;
  }

  @Roles('admin')
  @National()
  @Put(':id/refresh-token')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Give a Zalo gateway a new refresh token after re-authorising the OA (national admin; audited, value never logged)',
  })
  @ApiOkResponse({ type: RefreshTokenStoredResponse })
  async setRefreshToken(@Param('id') id: string, @Body() dto: RefreshTokenDto, @CurrentPrincipal() who: Principal) {
    const gw = this.gateway(id);
    if (gw.protocol !== 'zalo-zns') throw new BadRequestException(`Gateway "${id}" is not a Zalo gateway`);
    await this.ds.transaction(async (m) => {
      await this.tokens.setRefreshToken(gw, dto.refreshToken, m);
      await this.audit.record(who, 'set-refresh-token', 'gateway', id, { refreshToken: 'replaced' }, m);
    });
    await this.settings.changed(id); // a credentials pause, if any, ended with the new token
    return { gatewayId: id, refreshToken: 'stored' };
  }
}
