// Lint: TypeScript rules everywhere, the rules of hooks in the UI, and shared/ kept pure (no runtime
// imports) as DEVELOPERS.md asks. Formatting is Prettier's (.prettierrc.json), not the linter's.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const runtimes = [
  'electron',
  'dexie',
  'dexie-react-hooks',
  'react',
  'react-dom',
  'exceljs',
  'pdfkit',
  'fs',
  'path',
  'node:*',
  'electron/*',
  'react/*',
  'csv-parse',
  'iconv-lite',
  'yauzl',
  'fflate',
  'write-file-atomic',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'out-*/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      'bench/app/*.browser.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: runtimes,
              message:
                'shared/ is pure domain logic: pass the world in instead of importing a runtime.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'no DOM in shared/' },
        { name: 'document', message: 'no DOM in shared/' },
        { name: 'process', message: 'no Node in shared/' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'pass `now` in' },
        { object: 'Math', property: 'random', message: 'pass a seeded random source in' },
      ],
    },
  },
);
