import { Module } from '@nestjs/common';
import { ChannelsModule } from '@loa/channels';
import { TrackingModule } from '@loa/tracking';
import { InstallsController } from './installs.controller';
import { RedirectController } from './redirect.controller';
import { WebhooksController } from './webhooks.controller';

/** Delivery-report webhooks, click redirects, installs. */
@Module({
  imports: [TrackingModule, ChannelsModule],
  controllers: [WebhooksController, RedirectController, InstallsController],
})
export class TrackingHttpModule {}
