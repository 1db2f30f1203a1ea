import { Module } from '@nestjs/common';
import { ChannelsModule } from '@loa/channels';
import { GatewayBreakers } from './breaker/gateway-breakers.service';
import { GatewayHoldsService } from './holds/gateway-holds.service';
import { GatewaySettingsService } from './limiter/gateway-settings.service';
import { SendQueues } from './send/send-queues';
import { ZaloTokenService } from './zalo/zalo-token.service';

/**
 * What both processes share: live gateway settings, circuit breakers, holds, Zalo tokens and the send/dispatch queues
 * (producers, depth gauge).
 */
@Module({
  imports: [ChannelsModule],
  providers: [GatewaySettingsService, GatewayBreakers, GatewayHoldsService, ZaloTokenService, SendQueues],
  exports: [GatewaySettingsService, GatewayBreakers, GatewayHoldsService, ZaloTokenService, SendQueues],
})
export class DeliveryModule {}
