import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';
import { noImportCycles } from './test/lint/noImportCycles.mjs';

/**
 * The layers (see CONTRIBUTING.md, The layers): imports point one way,
 *   commands → tree → core → gitlab → util;  host → core;  platform → core.
 * The composition root (`composition.ts`), the two entries that hand it a platform (`main.ts` on
 * Node, `browser.ts` in a web worker) and the lockfile bundle's entry (`lockfiles.ts`) may import
 * anything; `constants.ts` is a leaf anyone may import.
 */
const ROOTS = ['./src/composition.ts', './src/main.ts', './src/browser.ts', './src/lockfiles.ts'];
const LAYERS = ['util', 'gitlab', 'core', 'tree', 'host', 'platform', 'commands'];
const MAY_IMPORT = {
  util: [],
  gitlab: ['util'],
  core: ['gitlab', 'util'],
  tree: ['core', 'gitlab', 'util'],
  host: ['core', 'gitlab', 'util'],
  platform: ['core', 'gitlab', 'util'],
  commands: ['tree', 'host', 'core', 'gitlab', 'util'],
};
const zones = LAYERS.map((layer) => ({
  target: `./src/${layer}`,
  from: [...LAYERS.filter((l) => l !== layer && !MAY_IMPORT[layer].includes(l)).map((l) => `./src/${l}`), ...ROOTS],
  message: `${layer}/ may import only ${MAY_IMPORT[layer].join(', ') || 'nothing but other util files'} (and constants.ts).`,
}));

const noVscode = { name: 'vscode', message: 'Pure layer: no vscode here (the adapters live in host/, tree/provider.ts, tree/treeItems.ts, commands/).' };
const nodeOnly = {
  patterns: [{ group: ['node:*', 'node-fetch'], message: 'Node-only code lives in src/platform/ behind an interface the root injects.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX, layers: { rules: { 'no-import-cycles': noImportCycles } } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'layers/no-import-cycles': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-imports': ['error', { paths: [], ...nodeOnly }],
    },
  },
  {
    files: ['src/gitlab/**/*.ts', 'src/core/**/*.ts', 'src/util/**/*.ts', 'src/platform/**/*.ts', 'src/tree/**/*.ts'],
    ignores: ['src/tree/provider.ts', 'src/tree/treeItems.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], ...nodeOnly }] },
  },
  {
    files: ['src/platform/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    // The web worker's platform: what a browser has (the bundle test checks the built file too).
    files: ['src/platform/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [{ group: ['node:*', 'node-fetch', '**/platform/node', '**/platform/node/**'], message: 'platform/web runs in a browser.' }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  prettier,
);
