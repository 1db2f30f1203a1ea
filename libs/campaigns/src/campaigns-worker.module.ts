import { Module } from '@nestjs/common';

/** Scheduler and fan-out, in the worker (placeholder until its domain lands) */
@Module({})
export class CampaignsWorkerModule {}
