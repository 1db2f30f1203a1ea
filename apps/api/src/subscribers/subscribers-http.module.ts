import { Module } from '@nestjs/common';

/** Subscribers, imports, DNC, overrides over HTTP (placeholder until its domain lands) */
@Module({})
export class SubscribersHttpModule {}
