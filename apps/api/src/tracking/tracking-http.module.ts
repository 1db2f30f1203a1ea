import { Module } from '@nestjs/common';

/** Delivery-report webhooks, click redirects, installs (placeholder until its domain lands) */
@Module({})
export class TrackingHttpModule {}
