import { Global, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { dataSourceOptions } from './data-source.options';
import { migrateUnderLock } from './migrate';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // A few quick retries (Nest's default is 9 × 3 s of silence), then the process says which setting is wrong.
      useFactory: (cfg: AppConfig) => ({
        ...dataSourceOptions(cfg),
        autoLoadEntities: true,
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule implements OnApplicationBootstrap {
  private readonly log = new Logger('Database');
  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {
    this.listenForClientErrors();
  }

  /**
   * A backend terminated while its client is checked out but between statements (a TypeORM query runner or
   * transaction: failover, pg_terminate_backend) makes pg emit 'error' on the client, and TypeORM listens on none: the
   * process would crash. Every client gets a listener when first checked out; pg-pool drops a broken client on release
   * and the statement that used it fails (and is retried by its caller).
   */
  private listenForClientErrors(): void {
    const pool = (this.ds.driver as unknown as { master?: EventEmitter }).master;
    const seen = new WeakSet<EventEmitter>();
    pool?.on('acquire', (client: EventEmitter) => {
      if (seen.has(client)) return;
      seen.add(client);
      client.on('error', (e: Error) => this.log.warn(`a PostgreSQL connection broke: ${e.message}`));
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cfg.database.migrateOnStart) return;
    const applied = await migrateUnderLock(this.ds);
    if (applied.length) this.log.log(`applied migrations: ${applied.join(', ')}`);
  }
}
