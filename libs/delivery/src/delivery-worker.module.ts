import { Module } from '@nestjs/common';

/** Per-gateway send processors, in the worker (placeholder until its domain lands) */
@Module({})
export class DeliveryWorkerModule {}
