export * from './test-config';
export * from './test-database';
export * from './wait';
export * from './api-harness';
