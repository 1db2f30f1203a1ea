import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@loa/core';
import { ClickRecorderService } from './clicks/click-recorder.service';
import { LinkResolverService } from './clicks/link-resolver.service';
import { InstallsService } from './installs/installs.service';
import { ReportInboxService } from './reports/report-inbox.service';

/** The api side of tracking: the fast paths that record (reports inbox, clicks, installs). */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Reports })],
  providers: [ReportInboxService, LinkResolverService, ClickRecorderService, InstallsService],
  exports: [ReportInboxService, LinkResolverService, ClickRecorderService, InstallsService],
})
export class TrackingModule {}
