import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig, createRootLogger, InputShapePipe, loaValidationPipe, PinoNestLogger } from '@loa/core';
import { ApiModule } from './app.module';
import { mountConsole } from './console/console-static';
import { requestLogging } from './http-logging';
import { buildOpenApiDocument } from './openapi/openapi.document';
import { mountTrackingHotPaths } from './tracking/hot-paths';

/** Builds the api application (used by main.ts and by the e2e tests, so both run the same wiring). */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const logger = createRootLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    bodyParser: false, // bodies are read after the key is checked (BodyParsingInterceptor), never before
    abortOnError: false, // a start-up failure reaches main(), which names the setting behind it
  });
  mountTrackingHotPaths(app); // first, before every parser and middleware: click redirects are the hot path
  app.use(requestLogging(logger));
  app.set('trust proxy', 'loopback');
  mountConsole(app);
  app.setGlobalPrefix('api/v1', {
    exclude: ['health', 'metrics', 'r/{*path}', 'webhooks/{*path}', 'dashboard', 'dashboard/{*path}', 'admin/{*path}'],
  });
  app.useGlobalPipes(new InputShapePipe(), loaValidationPipe()); // in this order: the shape check first
  app.enableShutdownHooks();
  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
