import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { announceReady, ConfigError, createRootLogger, loadConfig, PinoNestLogger } from '@loa/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(createRootLogger(config)),
  });
  app.enableShutdownHooks();
  await app.init();
  announceReady({ role: 'worker' });
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
