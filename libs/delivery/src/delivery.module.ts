import { Module } from '@nestjs/common';
import { GatewayBreakers } from './breaker/gateway-breakers.service';
import { GatewaySettingsService } from './limiter/gateway-settings.service';
import { SendQueues } from './send/send-queues';

/** What both processes share: live gateway settings, circuit breakers and the send/dispatch queues (producers, depth gauge). */
@Module({
  providers: [GatewaySettingsService, SendQueues, GatewayBreakers],
  exports: [GatewaySettingsService, SendQueues, GatewayBreakers],
})
export class DeliveryModule {}
