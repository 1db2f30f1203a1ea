import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { announceReady, AppConfig, describeStartupError, loadConfig } from '@loa/core';
import { createApiApp } from './bootstrap';

let config: AppConfig | undefined;

async function main(): Promise<void> {
  config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.api.port, '0.0.0.0');
  announceReady({ role: 'api', port: (app.getHttpServer().address() as AddressInfo).port });
}

main().catch((e) => {
  console.error(describeStartupError(e, config));
  process.exit(1);
});
