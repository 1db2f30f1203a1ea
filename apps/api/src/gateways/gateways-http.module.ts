import { Module } from '@nestjs/common';

/** Gateway settings, metrics, queue dashboard (placeholder until its domain lands) */
@Module({})
export class GatewaysHttpModule {}
