// Lint rules for the whole workspace. Type-aware rules are left out so linting stays fast on 2 cores;
// `pnpm typecheck` covers types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';

// Features stand alone (bulletproof-react's rule): a file under src/features/<name>/ may import shared code
// and its own feature, never another feature. Resolved from the real path, so ../ chains cannot sneak past.
const featureBoundaries = {
  meta: { type: 'problem', messages: { crossFeature: 'Feature "{{from}}" imports feature "{{to}}"; move what they share to src/shared.' } },
  create(context) {
    const featureOf = (file) => file.match(/packages\/web\/src\/features\/([^/]+)\//)?.[1];
    const own = featureOf(context.filename);
    if (!own) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = featureOf(path.resolve(path.dirname(context.filename), source) + '/');
      if (target && target !== own) context.report({ node, messageId: 'crossFeature', data: { from: own, to: target } });
    };
    return { ImportDeclaration: check, ImportExpression: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/src/generated/**',
      'packages/web/src/graphql-env.d.ts',
      'bench/results/**',
      'test-artifacts/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // pnpm loads .pnpmfile.cjs with require(); CommonJS is the point there.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, yishi: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'yishi/feature-boundaries': 'error',
    },
  },
);
