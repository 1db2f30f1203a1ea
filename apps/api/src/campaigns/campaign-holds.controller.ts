import { Controller, Delete, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService, CurrentPrincipal, Principal } from '@loa/access';
import { IdParam } from '@loa/core';
import { CampaignsService } from '@loa/campaigns';
import { GatewayHoldsService } from '@loa/delivery';
import { HoldLiftedResponse, HoldResponse } from './campaign.responses';

/**
 * Holds: a gateway that refused a campaign's own request (unregistered content, brandname, credentials) carries
 * none of its messages until an operator, having fixed the cause, lifts the hold.
 */
@ApiTags('campaigns')
@Controller('campaigns/:id/holds')
export class CampaignHoldsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly holds: GatewayHoldsService,
    private readonly audit: AuditService,
    private readonly ds: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Gateways holding this campaign after refusing its request, with their answer' })
  @ApiOkResponse({ type: [HoldResponse] })
  async list(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    await this.campaigns.get(id, who); // scope: 404/403 outside the key's unit
    return this.holds.forCampaign(id);
  }

  @Delete(':gatewayId')
  @ApiOperation({ summary: 'Lift a hold once its cause is fixed: the waiting deliveries are dispatched again' })
  @ApiOkResponse({ type: HoldLiftedResponse })
  async lift(@IdParam() id: number, @Param('gatewayId') gatewayId: string, @CurrentPrincipal() who: Principal) {
    await this.campaigns.get(id, who);
    const lifted = await this.ds.transaction(async (m) => {
      const h = await this.holds.lift(id, gatewayId, m);
      if (h) await this.audit.record(who, 'lift-hold', 'campaign', id, { gatewayId, code: h.code, text: h.text }, m);
      return h;
    });
    if (!lifted) throw new NotFoundException(`Campaign ${id} has no hold on gateway "${gatewayId}"`);
    const runs = await this.holds.redispatch(id);
    return { lifted, redispatchedRuns: runs };
  }
}
