import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformLibraries = {
  patterns: [
    {
      group: ['discord.js', 'discord.js/*', '@discordjs/*', 'telegraf', 'telegraf/*', '**/adapters/**'],
      message: 'Only src/adapters/<platform> may talk to a platform; commands and the core return Reply values.',
    },
    {
      group: ['prom-client', 'fastify', '**/http/**'],
      message: 'The core reports through the Metrics interface; the HTTP listener and Prometheus stay in src/http.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['commands/**/*.ts', 'src/core/**/*.ts', 'src/content/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', platformLibraries] },
  },
);
