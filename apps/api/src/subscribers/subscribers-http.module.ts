import { Module } from '@nestjs/common';
import { SubscribersModule } from '@loa/subscribers';
import { ImportsController } from './imports.controller';
import { SubscribersController } from './subscribers.controller';
import { SuppressionController } from './suppression.controller';
import { UploadsModule } from './upload.options';

/** Subscribers, imports, DNC and carrier overrides over HTTP. */
@Module({
  imports: [SubscribersModule, UploadsModule],
  controllers: [SubscribersController, ImportsController, SuppressionController],
})
export class SubscribersHttpModule {}
