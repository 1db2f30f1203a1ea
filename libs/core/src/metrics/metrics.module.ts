import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** One Prometheus registry per process; domain code registers its counters and histograms on it. */
export const METRICS = Symbol('METRICS');

@Global()
@Module({
  providers: [
    {
      provide: METRICS,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry, prefix: 'loa_' });
        return registry;
      },
    },
  ],
  exports: [METRICS],
})
export class MetricsModule {}
