import { Body, Controller, Get, Inject, NotFoundException, Param, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { routeList } from '@loa/channels';
import { APP_CONFIG, AppConfig, CARRIERS } from '@loa/core';
import { AuditService, CurrentPrincipal, Principal, Roles } from '@loa/access';
import { GatewayBreakers, GatewaySettingsService, routeFor, SendQueues } from '@loa/delivery';

export class PatchGatewayDto {
  /** Messages per second the gateway accepts (any sliding second); applied by every worker within ~1 s. */
  @IsInt() @Min(1) @Max(10_000) ratePerSecond: number;
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
  ) {}

  @Get()
  @ApiOperation({ summary: 'Configured gateways with their live rate, pause, circuit breaker and queue counts' })
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
  @Patch(':id')
  @ApiOperation({ summary: 'Change a gateway’s rate (admin; audited; live without restart)' })
  async patch(@Param('id') id: string, @Body() dto: PatchGatewayDto, @CurrentPrincipal() who: Principal) {
    if (!this.cfg.gateways.some((g) => g.id === id)) throw new NotFoundException(`Gateway "${id}" is not configured`);
    await this.settings.ensureLoaded();
    const before = this.settings.rate(id);
    return this.settings.setRate(id, dto.ratePerSecond, (m) =>
      this.audit.record(who, 'update', 'gateway', id, { ratePerSecond: { from: before, to: dto.ratePerSecond } }, m),
    );
  }
}
