import { Module } from '@nestjs/common';
import { CampaignsModule } from './campaigns.module';
import { FanoutProcessor } from './fanout.processor';
import { FanoutService } from './fanout.service';
import { SchedulerLoop } from './scheduler.loop';
import { SchedulerService } from './scheduler.service';

/** Scheduler and fan-out, in the worker. */
@Module({
  imports: [CampaignsModule],
  providers: [SchedulerService, SchedulerLoop, FanoutService, FanoutProcessor],
  exports: [SchedulerService, FanoutService],
})
export class CampaignsWorkerModule {}
