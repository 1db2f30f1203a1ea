import { Module } from '@nestjs/common';
import { StatsModule } from '@loa/stats';
import { DashboardController } from './dashboard/dashboard.controller';
import { StatsController } from './stats.controller';

/** Statistics, progress reports, the analysts' dashboard. */
@Module({ imports: [StatsModule], controllers: [StatsController, DashboardController] })
export class StatsHttpModule {}
