import coreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layer boundaries from DESIGN §2: lib/ is the pure core, components/ is React, app/ is routes.
const uiPackages = [
  { name: 'react', message: 'lib/ is the pure core: no React.' },
  { name: 'react-dom', message: 'lib/ is the pure core: no React.' },
  { name: '@xyflow/react', message: 'lib/ is the pure core: no React Flow.' },
  { name: 'reactflow', message: 'Use @xyflow/react, and never from lib/.' },
  { name: 'monaco-editor', message: 'lib/ is the pure core: no Monaco.' },
  { name: '@monaco-editor/react', message: 'lib/ is the pure core: no Monaco.' },
];
const uiPatterns = [
  { group: ['next', 'next/*'], message: 'lib/ is the pure core: no Next.' },
  { group: ['@/components/*', '**/components/*', '@/app/*', '**/app/*'], message: 'lib/ never imports components/ or app/.' },
];
const coreSiblings = (self, allow = []) =>
  ['validation', 'generators', 'import', 'share', 'store', 'fixes', 'export', 'cli', 'graph']
    .filter((d) => d !== self && !allow.includes(d) && !(self !== 'graph' && d === 'graph'))
    .flatMap((d) => [`@/lib/${d}`, `@/lib/${d}/*`]);

/** Pure modules see only model and graph (and what `allow` adds; graph sees only model). */
const pureModule = (dir, allow = []) => ({
  files: [`lib/${dir}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: uiPackages,
        patterns: [
          ...uiPatterns,
          { group: [...new Set(coreSiblings(dir, allow))], message: `lib/${dir} imports only lib/model and lib/graph${allow.length ? ` (and lib/${allow.join(', lib/')})` : ''}.` },
          { group: [`../../{${['validation', 'generators', 'import', 'share', 'store'].filter((d) => d !== dir && !allow.includes(d)).join(',')}}/*`], message: `lib/${dir} imports only lib/model and lib/graph.` },
        ],
      },
    ],
  },
});

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'out/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/results/**', 'public/**', '.cache/**', 'templates/*/**', '!templates/designs/**'] },
  ...coreWebVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: uiPackages, patterns: uiPatterns }] },
  },
  {
    // The model is the root of everything: zod only.
    files: ['lib/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiPackages,
          patterns: [...uiPatterns, { group: ['@/lib/*', '!@/lib/model', '!@/lib/model/*'], message: 'lib/model imports only zod (and yaml for the file format).' }],
        },
      ],
    },
  },
  ...['validation', 'generators', 'import', 'share', 'graph'].map((d) => pureModule(d)),
  // Quick fixes patch designs for findings: they read the validation types too.
  pureModule('fixes', ['validation']),
  {
    files: ['components/**/*.{ts,tsx}', 'lib/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: uiPackages.slice(3, 4), patterns: [{ group: ['@/app/*', '**/app/*'], message: 'Nothing imports app/.' }] }] },
    ignores: ['lib/**/*.ts'],
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'bench/**/*.{ts,mjs,js}', 'e2e/**/*.ts', 'lib/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];

export default config;
