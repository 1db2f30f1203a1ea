import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@loa/core';
import { CampaignLifecycleService } from './campaign-lifecycle.service';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { PreviewService } from './preview.service';
import { PreviewCosts } from './preview-costs';
import { RegistrationGateService } from './registration-gate.service';

/** What both the api and the worker need: data access, the audience/preview, and the queues campaigns feed. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Fanout }, { name: QueueName.Dispatch })],
  providers: [CampaignsRepository, PreviewService, PreviewCosts, RegistrationGateService],
  exports: [CampaignsRepository, PreviewService, BullModule],
})
export class CampaignsModule {}

/** Campaign management for the api: CRUD and lifecycle, audited (needs the global AccessModule). */
@Module({
  imports: [CampaignsModule],
  providers: [CampaignsService, CampaignLifecycleService],
  exports: [CampaignsModule, CampaignsService, CampaignLifecycleService],
})
export class CampaignsManagementModule {}
