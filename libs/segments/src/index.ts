export * from './segment-filter';
