import { Module } from '@nestjs/common';
import { CampaignsManagementModule } from '@loa/campaigns';
import { DeliveryModule } from '@loa/delivery';
import { CampaignHoldsController } from './campaign-holds.controller';
import { CampaignsController } from './campaigns.controller';

/** Campaigns, preview, runs and gateway holds over HTTP. */
@Module({
  imports: [CampaignsManagementModule, DeliveryModule],
  controllers: [CampaignsController, CampaignHoldsController],
})
export class CampaignsHttpModule {}
