import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { announceReady, ConfigError, loadConfig } from '@loa/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.api.port, '0.0.0.0');
  announceReady({ role: 'api', port: (app.getHttpServer().address() as AddressInfo).port });
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
