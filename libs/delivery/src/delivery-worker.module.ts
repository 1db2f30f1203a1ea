import { Module } from '@nestjs/common';
import { ChannelsModule } from '@loa/channels';
import { DeliveryModule } from './delivery.module';
import { DeliveryWorkersService } from './dispatch/delivery-workers.service';
import { DispatchRunProcessor } from './dispatch/dispatch-run.processor';
import { DispatchRunRepository } from './dispatch/dispatch-run.repository';
import { DeliveryMetrics } from './metrics/delivery.metrics';
import { WorkerMetricsServer } from './metrics/worker-metrics.server';
import { DeliveryRepository } from './send/delivery.repository';
import { InDoubtRepository } from './send/in-doubt.repository';
import { InDoubtService } from './send/in-doubt.service';
import { SendRouter } from './send/send-router';
import { GatewayCall } from './send/gateway-call';
import { SendDeliveryProcessor } from './send/send-delivery.processor';
import { SendSlots } from './send/send-slots';

/** Per-gateway send workers, dispatch-run, Zalo tokens and the worker's metrics port. */
@Module({
  imports: [DeliveryModule, ChannelsModule],
  providers: [
    DeliveryRepository,
    DispatchRunRepository,
    DeliveryMetrics,
    InDoubtRepository,
    InDoubtService,
    SendRouter,
    SendSlots,
    GatewayCall,
    SendDeliveryProcessor,
    DispatchRunProcessor,
    DeliveryWorkersService,
    WorkerMetricsServer,
  ],
  exports: [DeliveryWorkersService],
})
export class DeliveryWorkerModule {}
