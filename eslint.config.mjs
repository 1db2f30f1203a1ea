import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
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
);
