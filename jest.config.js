/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true }] },
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
};
