import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/results/**',
      'test-artifacts/**',
      '**/*.js',
      '**/*.mjs',
      // Generated from the OpenAPI document (npm run console:api-types); a test fails when it is stale.
      'apps/console/src/api/api-types.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-restricted-syntax': [
        'warn',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through @loa/core config only.',
        },
      ],
    },
  },
  {
    files: ['libs/core/src/config/**', 'test/**', 'bench/**', 'scripts/**', '**/*.spec.ts', '**/*-spec.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // The console (browser, React): the rules of hooks; its own tsconfig types it.
  {
    files: ['apps/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
