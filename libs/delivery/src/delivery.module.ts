import { Module } from '@nestjs/common';
import { GatewaySettingsService } from './limiter/gateway-settings.service';
import { SendQueues } from './send/send-queues';

/** What both processes share: live gateway settings and the send/dispatch queues (producers, depth gauge). */
@Module({
  providers: [GatewaySettingsService, SendQueues],
  exports: [GatewaySettingsService, SendQueues],
})
export class DeliveryModule {}
