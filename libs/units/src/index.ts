export * from './unit.types';
export * from './unit-csv.plan';
export * from './units.service';
export * from './units.module';
export * from './seed/demo-seed.service';
