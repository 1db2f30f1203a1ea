export * from './latency';
export * from './stats-dirty';
export * from './stats-query.service';
export * from './progress-report.service';
export * from './stats-exports.service';
export * from './stats-rollup.service';
export * from './stats.module';
export * from './stats-rollup.module';
