import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  announceReady,
  AppConfig,
  createRootLogger,
  describeStartupError,
  loadConfig,
  PinoNestLogger,
} from '@loa/core';
import { WorkerModule } from './worker.module';

let config: AppConfig | undefined;

async function main(): Promise<void> {
  config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(createRootLogger(config)),
    abortOnError: false, // a start-up failure reaches the catch below, which names the setting behind it
  });
  app.enableShutdownHooks();
  await app.init();
  announceReady({ role: 'worker' });
}

main().catch((e) => {
  console.error(describeStartupError(e, config));
  process.exit(1);
});
