import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/config.schema';
import { MIGRATIONS } from './migrations';

/** TypeORM options shared by the apps and the CLI: migrations only, never synchronize. */
export function dataSourceOptions(cfg: AppConfig, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: cfg.database.url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: cfg.database.poolSize, application_name: 'loa' },
  };
}
