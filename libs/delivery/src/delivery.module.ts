import { Module } from '@nestjs/common';
import { ChannelsModule } from '@loa/channels';
import { GatewayHoldsService } from './holds/gateway-holds.service';
import { GatewaySettingsService } from './limiter/gateway-settings.service';
import { SendQueues } from './send/send-queues';
import { ZaloTokenService } from './zalo/zalo-token.service';

/**
 * What both processes share: live gateway settings, holds, Zalo tokens and the send/dispatch queues (producers,
 * depth gauge).
 */
@Module({
  imports: [ChannelsModule],
  providers: [GatewaySettingsService, GatewayHoldsService, ZaloTokenService, SendQueues],
  exports: [GatewaySettingsService, GatewayHoldsService, ZaloTokenService, SendQueues],
})
export class DeliveryModule {}
