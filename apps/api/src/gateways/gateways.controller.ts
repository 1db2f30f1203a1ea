import { Body, Controller, Get, Inject, NotFoundException, Param, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { AuditService, CurrentPrincipal, Principal, Roles } from '@loa/access';
import { GatewaySettingsService, SendQueues } from '@loa/delivery';

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
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Configured gateways with their live rate, pause and queue counts' })
  async list() {
    await this.settings.refresh();
    return Promise.all(
      this.settings.all().map(async (s) => ({
        ...s,
        protocol: this.cfg.gateways.find((g) => g.id === s.id)?.protocol,
        queue: await this.queues.forGateway(s.id).getJobCounts('waiting', 'active', 'delayed', 'failed'),
      })),
    );
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
