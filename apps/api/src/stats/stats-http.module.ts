import { Module } from '@nestjs/common';

/** Statistics, progress reports, analysts' dashboard (placeholder until its domain lands) */
@Module({})
export class StatsHttpModule {}
