import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock/clock';
import { LoaConfigModule } from './config/config.module';
import { AppConfig } from './config/config.schema';
import { DatabaseModule } from './database/database.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { MetricsModule } from './metrics/metrics.module';

/** Everything a Loa process needs underneath its domain modules: config, PostgreSQL, Redis, BullMQ, clock. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [LoaConfigModule.forRoot(config), DatabaseModule, RedisModule, QueueModule, MetricsModule],
      providers: [Clock],
      exports: [Clock],
    };
  }
}
