import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core is pure: no IO, no clock. Inputs bring their dates.
      'no-restricted-imports': ['error', { patterns: ['fs', 'node:*', 'path', 'exceljs'] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now' }],
    },
  },
);
