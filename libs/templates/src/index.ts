export * from './unaccent';
export * from './sms-info';
export * from './render';
export * from './zns';
export * from './estimate';
export * from './demo-templates';
export * from './templates.service';
export * from './templates.module';
