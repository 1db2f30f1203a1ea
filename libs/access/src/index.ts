export * from './principal';
export * from './access.decorators';
export * from './api-keys.service';
export * from './api-key.guard';
export * from './unit-scope';
export * from './audit.service';
export * from './access.module';
