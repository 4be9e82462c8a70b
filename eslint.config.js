// @ts-check
/**
 * Lint rules. Beyond typescript-eslint's recommended set, this file enforces the architecture:
 * the domain core (`packages/core/src`) imports only fp-ts, io-ts, ts-pattern and itself, and
 * never touches a clock, randomness, the process or Node's built-ins.
 */
import tseslint from 'typescript-eslint';

const coreImpurities = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'The core has no clock: time enters as data.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'The core has no clock: time enters as data.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'The core has no randomness: ids enter as data.',
  },
  { selector: "Identifier[name='process']", message: 'The core does not touch the process.' },
  { selector: "Identifier[name='Buffer']", message: 'The core does not use Node buffers.' },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/testing/**'],
    rules: {
      'no-restricted-syntax': ['error', ...coreImpurities],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'setTimeout', 'setInterval', 'fetch'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(fp-ts|io-ts|ts-pattern)(/|$)|\\.{1,2}/)',
              message: 'The core imports only fp-ts, io-ts, ts-pattern and itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // The optional `@mandate/core/testing` entry may also use fast-check (an optional peer).
    files: ['packages/core/src/testing/**/*.ts'],
    ignores: ['packages/core/src/testing/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...coreImpurities],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(fp-ts|io-ts|ts-pattern|fast-check)(/|$)|\\.{1,2}/)',
              message:
                'The core testing kit imports only fp-ts, io-ts, ts-pattern, fast-check and the core.',
            },
          ],
        },
      ],
    },
  },
);
