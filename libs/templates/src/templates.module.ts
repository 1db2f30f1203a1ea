import { Module } from '@nestjs/common';
import { TemplatesService } from './templates.service';

/** Message templates (the access module, with AuditService, is global). */
@Module({ providers: [TemplatesService], exports: [TemplatesService] })
export class TemplatesModule {}
