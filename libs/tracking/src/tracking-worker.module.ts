import { Module } from '@nestjs/common';

/** Delivery-report application and stats roll-up, in the worker (placeholder until its domain lands) */
@Module({})
export class TrackingWorkerModule {}
