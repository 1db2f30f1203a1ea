import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, CoreModule, loadConfig } from '@loa/core';
import { AccessModule, ApiKeyGuard } from '@loa/access';
import { HealthController } from './health/health.controller';
import { HTTP_MODULES } from './http.modules';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.log.level,
            // Click redirects and webhooks are hot paths: log them only when they fail.
            autoLogging: { ignore: (req) => /^\/(r\/|health|metrics|webhooks\/)/.test(req.url ?? '') },
            redact: ['req.headers.authorization', 'req.headers["x-zevent-signature"]'],
          },
        }),
        AccessModule,
        ...HTTP_MODULES,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: ApiKeyGuard }],
    };
  }
}
