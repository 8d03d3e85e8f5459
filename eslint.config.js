// One lint setup for the whole repo. Typed rules (no-floating-promises) use each workspace's
// tsconfig through the project service.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Temporal workflow code runs in a deterministic sandbox: no Node built-ins, no I/O packages. */
const WORKFLOW_BANNED = [
  ...builtinModules.flatMap((m) => [m, `node:${m}`]),
  'postgres',
  'drizzle-orm',
  'pino',
  'hono',
  '@gov/db',
  '@gov/runtime',
  '@temporalio/activity',
  '@temporalio/client',
  '@temporalio/worker',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', '.data/**', '.artifacts/**', 'migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read the environment only in env.ts (docs/code-conventions.md#environment).',
        },
      ],
    },
  },
  {
    files: ['**/env.ts', 'scripts/**', '**/*.test.ts', '*.config.ts', 'web/vite.config.ts', 'services/db/drizzle.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['workflows/src/workflows/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: WORKFLOW_BANNED.map((name) => ({
            name,
            message: 'Workflow code runs in the Temporal sandbox: use activities for I/O.',
          })),
          patterns: [
            {
              group: ['**/activities/**', '**/activities'],
              allowTypeImports: true,
              message: 'Import activities as types only (docs/code-conventions.md#workflow-imports).',
            },
          ],
        },
      ],
    },
  },
);
