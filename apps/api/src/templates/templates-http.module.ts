import { Module } from '@nestjs/common';
import { TemplatesModule } from '@loa/templates';
import { TemplatesController } from './templates.controller';

/** Message templates over HTTP. */
@Module({ imports: [TemplatesModule], controllers: [TemplatesController] })
export class TemplatesHttpModule {}
