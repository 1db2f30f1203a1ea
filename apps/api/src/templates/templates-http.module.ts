import { Module } from '@nestjs/common';

/** Message templates over HTTP (placeholder until its domain lands) */
@Module({})
export class TemplatesHttpModule {}
