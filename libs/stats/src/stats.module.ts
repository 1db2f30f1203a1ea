import { Module } from '@nestjs/common';
import { ProgressReportService } from './progress-report.service';
import { StatsExportsService } from './stats-exports.service';
import { StatsQueryService } from './stats-query.service';

/** Reading statistics (api side). */
@Module({
  providers: [StatsQueryService, ProgressReportService, StatsExportsService],
  exports: [StatsQueryService, ProgressReportService, StatsExportsService],
})
export class StatsModule {}
