/**
 * Two projects: `unit` needs nothing running; `integration` starts the real
 * Kafka, FerretDB/MongoDB and SMTP roles once per run (infra/src/test-global-*.ts)
 * and runs its files one after another because they share them.
 */
// TSX pages and mails render with hono's JSX runtime (escaping by default; decision 0026).
const swc = {
  jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic', importSource: 'hono/jsx' } } },
  module: { type: 'commonjs' },
};
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/packages/*/test/**/*.test.ts',
        '<rootDir>/services/*/test/**/*.test.ts',
        '<rootDir>/infra/test/**/*.test.ts',
        '<rootDir>/scripts/test/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/test/**/*.int.test.ts', '<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
      globalSetup: '<rootDir>/packages/testkit/src/jest-global-setup.ts',
      globalTeardown: '<rootDir>/packages/testkit/src/jest-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/packages/testkit/src/jest-integration-setup.ts'],
    },
  ],
};
