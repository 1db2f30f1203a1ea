import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@loa/core';
import { StatsRollupModule } from '@loa/stats';
import { ClickWriterService } from './clicks/click-writer.service';
import { ReportApplyProcessor } from './reports/report-apply.processor';
import { ReportApplierService } from './reports/report-applier.service';
import { ReportSweepService } from './reports/report-sweep.service';

/** In the worker: applies delivery reports, writes clicks into PostgreSQL, and rolls statistics up. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Reports }), StatsRollupModule],
  providers: [ReportApplierService, ReportApplyProcessor, ReportSweepService, ClickWriterService],
  exports: [ReportApplierService, ReportSweepService, ClickWriterService],
})
export class TrackingWorkerModule {}
