export * from './delivery-worker.module';
