export * from './segment-filter';
export * from './segment-count';
export * from './segments.service';
export * from './segments.module';
