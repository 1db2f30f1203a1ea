// Jest runs TypeScript through swc, in CommonJS. NestJS 12 (and a few other deps) ship ESM only,
// so those packages in node_modules are transformed too (the stack notes' tested route).
const esmPackages = [
  '@nestjs',
  'libphonenumber-js',
  'csv-parse',
  'csv-stringify',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  'uint8array-extras',
  '@tokenizer',
  'load-esm',
];
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const moduleNameMapper = {
  '^@loa/testing$': '<rootDir>/test/support/index.ts',
  '^@loa/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  '^@loa/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper,
  // Builds dist/ once (when stale) for the tests that spawn real worker processes.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // Hooks start databases, apis and processes: on a loaded machine (two suites at once) that can take well over
  // Jest's default 5 s. A limit on waiting, not a speed assertion.
  testTimeout: 60_000,
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{spec,int-spec,e2e-spec}.ts'],
};
