import { Module } from '@nestjs/common';
import { DeliveryModule } from '@loa/delivery';
import { GatewaysController } from './gateways.controller';
import { MetricsController } from './metrics.controller';
import { QueueDashboard } from './queue-dashboard';

/** Gateway settings (live rate), Prometheus /metrics, and the admin queue dashboard. */
@Module({
  imports: [DeliveryModule],
  controllers: [GatewaysController, MetricsController],
  providers: [QueueDashboard],
})
export class GatewaysHttpModule {}
