import { Module } from '@nestjs/common';

/** Campaigns, preview, runs over HTTP (placeholder until its domain lands) */
@Module({})
export class CampaignsHttpModule {}
