import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig, CoreModule, loadConfig } from '@loa/core';
import { AccessModule, ApiKeyGuard } from '@loa/access';
import { HealthController } from './health/health.controller';
import { HTTP_MODULES } from './http.modules';
import { BodyParsingInterceptor } from './http/body-parsing.interceptor';
import { InputErrorsFilter } from './http/input-errors.filter';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ApiModule,
      imports: [CoreModule.forRoot(config), AccessModule, ...HTTP_MODULES],
      controllers: [HealthController],
      // The guard runs before every interceptor, so bodies are parsed only once the key is known.
      providers: [
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: BodyParsingInterceptor },
        { provide: APP_FILTER, useClass: InputErrorsFilter },
      ],
    };
  }
}
