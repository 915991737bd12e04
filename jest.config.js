/**
 * Four tiers, each runnable alone (`npm run test:<tier>`), all of them by `npm test`:
 * - unit: beside the code (*.spec.ts), plain functions, seconds;
 * - e2e: test/**\/*.e2e-spec.ts, the API and workers on a real PostgreSQL and Redis;
 * - faults: test/faults, processes killed and services stopped mid-run;
 * - browser: test/**\/*.browser-spec.ts, the console in Chromium.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

/** The tiers that need PostgreSQL and Redis (started by the global setup when TEST_* URLs are not given). */
const services = {
  ...common,
  rootDir: __dirname,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

module.exports = {
  testTimeout: 60000,
  // Two workers on the CI's two cores: the e2e, fault and browser suites mostly wait on PostgreSQL, Redis, LibreOffice
  // and Chromium, and each suite has a schema and queue prefix of its own (Jest's default on two cores is one worker).
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...services, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/faults/'] },
    { ...services, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.e2e-spec.ts'] },
    { ...services, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser-spec.ts'] },
  ],
};
