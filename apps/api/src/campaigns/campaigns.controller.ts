import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@loa/access';
import { IdParam } from '@loa/core';
import { CampaignLifecycleService, CampaignsService, PreviewService } from '@loa/campaigns';
import { CreateCampaignDto, ListCampaignsQueryDto, ListRunsQueryDto, UpdateCampaignDto } from './campaign.dto';
import { DeletedResponse } from '../subscribers/subscribers.responses';
import { CampaignResponse, PreviewResponse, RunResponse } from './campaign.responses';

@ApiTags('campaigns')
@Controller()
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly lifecycle: CampaignLifecycleService,
    private readonly previews: PreviewService,
  ) {}

  @Post('campaigns')
  @ApiOperation({ summary: 'Create a campaign (draft)' })
  @ApiCreatedResponse({ type: CampaignResponse })
  create(@Body() dto: CreateCampaignDto, @CurrentPrincipal() who: Principal) {
    return this.campaigns.create(dto, who);
  }

  @Get('campaigns')
  @ApiOperation({ summary: "List campaigns within the key's scope, newest first" })
  @ApiOkResponse({ type: [CampaignResponse] })
  list(@Query() q: ListCampaignsQueryDto, @CurrentPrincipal() who: Principal) {
    return this.campaigns.list(who, q.status, q.limit, q.offset);
  }

  @Post('campaigns/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Preview an unsaved campaign: reach, exclusions, cost, duration' })
  @ApiOkResponse({ type: PreviewResponse })
  async previewUnsaved(@Body() dto: CreateCampaignDto, @CurrentPrincipal() who: Principal) {
    const fields = await this.campaigns.resolve(dto, who);
    return this.previews.preview(fields); // timing from its own schedule
  }

  @Get('campaigns/:id')
  @ApiOperation({ summary: 'One campaign' })
  @ApiOkResponse({ type: CampaignResponse })
  get(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    return this.campaigns.get(id, who);
  }

  @Get('campaigns/:id/preview')
  @ApiOperation({ summary: 'Preview a campaign now: reach by carrier and unit, exclusions by reason, cost, duration' })
  @ApiOkResponse({ type: PreviewResponse })
  async preview(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    const c = await this.campaigns.get(id, who);
    return this.previews.preview(c, c.nextFireAt); // a draft: from its own schedule
  }

  @Patch('campaigns/:id')
  @ApiOperation({ summary: 'Edit a campaign (only while draft or paused)' })
  @ApiOkResponse({ type: CampaignResponse })
  update(@IdParam() id: number, @Body() dto: UpdateCampaignDto, @CurrentPrincipal() who: Principal) {
    return this.campaigns.update(id, dto, who);
  }

  @Delete('campaigns/:id')
  @ApiOperation({ summary: 'Delete a draft campaign' })
  @ApiOkResponse({ type: DeletedResponse })
  async delete(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    await this.campaigns.delete(id, who);
    return { deleted: id };
  }

  @Post('campaigns/:id/schedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft → scheduled' })
  @ApiOkResponse({ type: CampaignResponse })
  schedule(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    return this.lifecycle.schedule(id, who);
  }

  @Post('campaigns/:id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause: no new runs, no more sends until resumed' })
  @ApiOkResponse({ type: CampaignResponse })
  pause(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    return this.lifecycle.pause(id, who);
  }

  @Post('campaigns/:id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused campaign (missed fire times are not made up)' })
  @ApiOkResponse({ type: CampaignResponse })
  resume(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    return this.lifecycle.resume(id, who);
  }

  @Post('campaigns/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel: open runs and unsent deliveries are cancelled at once' })
  @ApiOkResponse({ type: CampaignResponse })
  cancel(@IdParam() id: number, @CurrentPrincipal() who: Principal) {
    return this.lifecycle.cancel(id, who);
  }

  @Get('campaigns/:id/runs')
  @ApiOperation({ summary: "A campaign's runs, newest fire time first" })
  @ApiOkResponse({ type: [RunResponse] })
  runs(@IdParam() id: number, @Query() q: ListRunsQueryDto, @CurrentPrincipal() who: Principal) {
    return this.campaigns.runs(id, who, q.limit, q.before);
  }

  @Get('runs/:id')
  @ApiOperation({ summary: 'One run with its deliveries counted by status' })
  @ApiOkResponse({ type: RunResponse })
  run(@IdParam('id', 'bigint') id: number, @CurrentPrincipal() who: Principal) {
    return this.campaigns.run(String(id), who);
  }
}
