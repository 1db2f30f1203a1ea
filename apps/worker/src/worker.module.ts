import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule, loadConfig } from '@loa/core';
import { WORKER_MODULES } from './worker.modules';

/** Queue consumers and the scheduler. Safe to run as several processes: all coordination is in PG/Redis. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config), ...WORKER_MODULES],
    };
  }
}
