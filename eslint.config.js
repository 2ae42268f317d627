import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers, { layerZones } from './eslint/import-layers.js';

/**
 * What may import what; each list runs bottom to top, and an import may only point down or
 * sideways within a layer. README.md ("Layout") shows the same picture.
 */
const room = (base, names) => names.map((name) => `${base}/${name}`);
const IMPORT_ZONES = [
  ...layerZones(
    [
      { name: 'shared', rooms: ['shared'] },
      { name: 'product code', rooms: ['helper', 'extension'], apart: true },
      { name: 'harness', rooms: ['harness'] },
      { name: 'scripts', rooms: ['scripts'] },
      { name: 'benchmarks, tests', rooms: ['bench', 'tests'], apart: true },
    ],
    'product code never imports the harness, scripts, benchmarks or tests',
  ),
  ...layerZones(
    [
      { name: 'core', rooms: ['helper/core'] },
      { name: 'ami', rooms: ['helper/ami'] },
      { name: 'config', rooms: ['helper/config'] },
      { name: 'log', rooms: ['helper/log'] },
      { name: 'lookup', rooms: ['helper/lookup'] },
      { name: 'journal', rooms: ['helper/journal'] },
      {
        name: 'wings',
        rooms: ['helper/workstation', 'helper/pbx-service'],
        apart: true,
      },
      { name: 'cli', rooms: ['helper/cli', 'helper/main.ts'] },
    ],
    'the helper imports downwards only',
  ),
  ...layerZones(
    [
      {
        name: 'workstation features',
        rooms: room('helper/workstation', [
          'calls',
          'ws',
          'pairing',
          'call-control',
          'queues',
          'recording',
          'doctor',
          'install',
          'manager-conf',
        ]),
      },
      { name: 'hub', rooms: ['helper/workstation/hub'] },
      { name: 'demo', rooms: ['helper/workstation/demo'] },
      { name: 'app', rooms: ['helper/workstation/app'] },
    ],
    'only the workstation composition root (app/) assembles the workstation helper',
  ),
  ...layerZones(
    [
      { name: 'agi', rooms: ['helper/pbx-service/agi'] },
      { name: 'routing', rooms: ['helper/pbx-service/routing'] },
      {
        name: 'callback, feedback',
        rooms: room('helper/pbx-service', ['callback', 'feedback']),
      },
      { name: 'server', rooms: ['helper/pbx-service/server'] },
    ],
    'only the PBX-side composition root (server/) assembles the service',
  ),
  ...layerZones(
    [
      { name: 'lib', rooms: ['extension/lib'] },
      {
        name: 'extension contexts',
        rooms: room('extension', ['features', 'background', 'ui']),
        apart: true,
      },
      { name: 'entrypoints', rooms: ['extension/entrypoints'] },
    ],
    'the extension imports downwards only',
  ),
  {
    from: ['bench'],
    to: ['scripts'],
    why: 'what benchmarks share with scripts lives in harness/',
  },
];

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**', 'artifacts/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    plugins: { layers },
    rules: { 'layers/import-direction': ['error', { zones: IMPORT_ZONES }] },
  },
  {
    files: ['helper/**', 'scripts/**', 'harness/**', 'tests/**', 'bench/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['extension/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
);
