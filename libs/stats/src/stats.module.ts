import { Module } from '@nestjs/common';
import { ProgressReportService } from './progress-report.service';
import { StatsExportsService } from './stats-exports.service';
import { StatsOverviewService } from './stats-overview.service';
import { StatsQueryService } from './stats-query.service';

/** Reading statistics (api side). */
@Module({
  providers: [StatsQueryService, ProgressReportService, StatsExportsService, StatsOverviewService],
  exports: [StatsQueryService, ProgressReportService, StatsExportsService, StatsOverviewService],
})
export class StatsModule {}
