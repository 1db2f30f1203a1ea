import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig, CoreModule, loadConfig } from '@loa/core';
import { AccessModule, ApiKeyGuard } from '@loa/access';
import { HealthController } from './health/health.controller';
import { HTTP_MODULES } from './http.modules';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ApiModule,
      imports: [CoreModule.forRoot(config), AccessModule, ...HTTP_MODULES],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: ApiKeyGuard }],
    };
  }
}
