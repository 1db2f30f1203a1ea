export * from './tracking-worker.module';
