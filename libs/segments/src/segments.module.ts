import { Module } from '@nestjs/common';
import { SegmentsService } from './segments.service';

/** Saved audiences (the access module, with AuditService, is global). */
@Module({ providers: [SegmentsService], exports: [SegmentsService] })
export class SegmentsModule {}
