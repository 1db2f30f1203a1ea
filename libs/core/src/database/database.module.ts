import { Global, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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
      useFactory: (cfg: AppConfig) => ({ ...dataSourceOptions(cfg), autoLoadEntities: true }),
    }),
  ],
})
export class DatabaseModule implements OnApplicationBootstrap {
  private readonly log = new Logger('Database');
  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cfg.database.migrateOnStart) return;
    const applied = await migrateUnderLock(this.ds);
    if (applied.length) this.log.log(`applied migrations: ${applied.join(', ')}`);
  }
}
