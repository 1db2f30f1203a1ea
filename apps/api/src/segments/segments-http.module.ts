import { Module } from '@nestjs/common';

/** Segments over HTTP (placeholder until its domain lands) */
@Module({})
export class SegmentsHttpModule {}
