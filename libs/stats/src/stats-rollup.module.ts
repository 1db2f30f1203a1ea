import { Module } from '@nestjs/common';
import { StatsRollupService } from './stats-rollup.service';

/** The periodic statistics roll-up (worker side). */
@Module({ providers: [StatsRollupService], exports: [StatsRollupService] })
export class StatsRollupModule {}
