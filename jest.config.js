/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/conformance'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 120000,
  // jest's default on a 2-core machine is one worker; the suites are CPU-bound
  // and independent, so use every core (the longest suites are started first)
  maxWorkers: '100%',
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
};
