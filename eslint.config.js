import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      'bench/quick/**',
      '.wxt/**',
      'node_modules/**',
      'test/fixtures/**',
      'extension/public/verifier/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/ is a leaf: pure code that both the extension and the server import.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../extension/*',
            '../../extension/*',
            '../server/*',
            '../../server/*',
            'dexie',
            'node:*',
            'wxt/*',
          ],
        },
      ],
    },
  },
);
