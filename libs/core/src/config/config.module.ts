import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config.schema';
import { loadConfig } from './config.loader';

/** Injection token for the validated, read-only AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class LoaConfigModule {
  /** Pass a config to use it as is (tests); otherwise it is loaded and validated from files and env once. */
  static forRoot(config?: AppConfig): DynamicModule {
    const value = Object.freeze(config ?? loadConfig());
    return { module: LoaConfigModule, providers: [{ provide: APP_CONFIG, useValue: value }], exports: [APP_CONFIG] };
  }
}
