import { Module } from '@nestjs/common';
import { CampaignsManagementModule } from '@loa/campaigns';
import { CampaignsController } from './campaigns.controller';

/** Campaigns, preview, runs over HTTP. */
@Module({ imports: [CampaignsManagementModule], controllers: [CampaignsController] })
export class CampaignsHttpModule {}
