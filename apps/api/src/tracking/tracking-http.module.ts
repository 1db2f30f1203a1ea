import { Module } from '@nestjs/common';
import { ChannelsModule } from '@loa/channels';
import { TrackingModule } from '@loa/tracking';
import { UploadsModule } from '../subscribers/upload.options';
import { InstallsController } from './installs.controller';
import { RedirectController } from './redirect.controller';
import { WebhooksController } from './webhooks.controller';

/** Delivery-report webhooks, click redirects, installs. */
@Module({
  imports: [TrackingModule, ChannelsModule, UploadsModule], // uploads to a temp file, limited, never memory
  controllers: [WebhooksController, RedirectController, InstallsController],
})
export class TrackingHttpModule {}
