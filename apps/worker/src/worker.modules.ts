import { Type } from '@nestjs/common';
import { CampaignsWorkerModule } from '@loa/campaigns';
import { DeliveryWorkerModule } from '@loa/delivery';
import { TrackingWorkerModule } from '@loa/tracking';

/** The worker's domain modules: processors and the scheduler. */
export const WORKER_MODULES: Type[] = [CampaignsWorkerModule, DeliveryWorkerModule, TrackingWorkerModule];
