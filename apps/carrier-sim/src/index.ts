export * from './simulators';
export * from './sim-config';
export * from './sim-stats';
export * from './sliding-window';
