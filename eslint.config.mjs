// @ts-check
// Lint and import boundaries for the whole tree (type-aware). `npm run lint`; `npm test` runs it first.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const NO_TYPEORM = {
  group: ['typeorm', '@nestjs/typeorm'],
  message: 'Only libs/persistence speaks TypeORM: use a repository or a unit of work from @qj/persistence.',
};
const NO_NEST = { group: ['@nestjs/*', 'typeorm', '@nestjs/typeorm', 'bullmq', 'ioredis'], message: 'Pure domain code depends on no framework.' };
const NO_REPOSITORY_IN_CONTROLLER = {
  group: ['@qj/persistence'],
  importNamePattern: 'Repository$',
  message: 'Controllers call services; services call repositories.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'var/**', 'coverage/**', 'test/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Nest's lifecycle hooks and interface methods are async by contract even when this implementation awaits nothing.
      '@typescript-eslint/require-await': 'off',
      // Numbers, booleans and nullish values read well in messages; `never` is what an exhaustive switch leaves.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true, allowNever: true }],
      // Nest's HttpStatus enum compared with numeric statuses is the framework's idiom.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // React event props take async handlers; their promise is handled inside (errors shown in the page).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Rows from raw SQL and supertest bodies are untyped at that boundary; each repository method declares the row
    // type it returns, and tests assert on bodies.
    files: ['libs/persistence/src/**/*.ts', 'migrations/**/*.ts', 'test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  // jest's expect(...).toHaveBeenCalled-style references are unbound methods by design.
  // Tests stringify spreadsheet cells and unknown values into messages freely.
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.mts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    // Jest's configuration is CommonJS.
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },

  // Import boundaries, for the application code (tests may reach into any layer to arrange and assert).
  { files: ['apps/api/**/*.ts'], rules: restrict({ group: ['**/apps/worker/**', '**/worker/src/**'], message: 'apps never import another app.' }, NO_TYPEORM) },
  { files: ['apps/worker/**/*.ts'], rules: restrict({ group: ['**/apps/api/**', '**/api/src/**'], message: 'apps never import another app.' }, NO_TYPEORM) },
  // The one-process entry (`npm start`) composes both applications; it speaks no TypeORM either.
  { files: ['apps/embedded/**/*.ts'], rules: restrict(NO_TYPEORM) },
  {
    files: ['apps/api/**/*.controller.ts'],
    rules: restrict({ group: ['**/apps/worker/**'], message: 'apps never import another app.' }, NO_TYPEORM, NO_REPOSITORY_IN_CONTROLLER),
  },
  { files: ['libs/domain/**/*.ts', 'libs/workflow/**/*.ts'], rules: restrict(NO_NEST) },
  { files: ['libs/{config,http,queue,mail,digest,catalog,files}/**/*.ts'], ignores: ['**/*.spec.ts'], rules: restrict(NO_TYPEORM) },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: restrict({ group: ['@qj/*', '**/libs/**', '**/apps/api/**', '**/apps/worker/**'], message: 'The console talks to the API over HTTP only.' }),
  },

  prettier,
);
