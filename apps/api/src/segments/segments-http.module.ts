import { Module } from '@nestjs/common';
import { SegmentsModule } from '@loa/segments';
import { SegmentsController } from './segments.controller';

/** Segments over HTTP: saved audiences and their counts. */
@Module({ imports: [SegmentsModule], controllers: [SegmentsController] })
export class SegmentsHttpModule {}
