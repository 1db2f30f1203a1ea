import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';

/** BullMQ's shared connection and prefix; domain modules register their own queues with BullModule.registerQueue. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (cfg: AppConfig) => {
        const u = new URL(cfg.redis.url);
        return {
          prefix: `${cfg.redis.prefix}-bull`,
          connection: {
            host: u.hostname,
            port: Number(u.port || 6379),
            password: u.password || undefined,
            db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
            maxRetriesPerRequest: null,
          },
        };
      },
    }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
