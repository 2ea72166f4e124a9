/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // tsconfig's isolatedModules makes ts-jest transpile file by file, without type checking: `npm
  // test` runs tsc for that, once.
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
};
