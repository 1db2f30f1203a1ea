export * from './campaigns-worker.module';
