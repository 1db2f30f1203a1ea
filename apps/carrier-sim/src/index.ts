export * from './simulators';
export * from './sim-config';
export * from './sim-stats';
export * from './sliding-window';
export * from './registry/sim-registry';
export * from './registry/from-registrations';
export * from './testing/register';
