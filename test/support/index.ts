export * from './test-config';
export * from './test-database';
export * from './wait';
export * from './api-harness';
export * from './worker-process';
export * from './private-redis';
export * from './registrations';
export { ensureWorkerBuilt } from './global-setup';
export * from './sim-process';
