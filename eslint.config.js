import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layers (docs/architecture.md): shared <- content <- core <- commands; adapters, fanout, store and
// cluster sit above the core; app.ts, main.ts and platforms.ts put everything together.
const PLATFORM_LIBRARIES = ['discord.js', 'discord.js/*', '@discordjs/*', 'telegraf', 'telegraf/*'];
const layer = (message, ...folders) => ({
  group: folders.map((folder) => `**/${folder}/**`),
  message,
});
const platforms = {
  group: [...PLATFORM_LIBRARIES, '**/adapters/**'],
  message: 'Only src/adapters/<platform> may talk to a platform; commands and the core return Reply values.',
};
const services = layer(
  'The core and commands reach the fan-out, stores and cluster through the typed interfaces in src/core/services.ts.',
  'fanout',
  'store',
  'cluster',
);
const http = {
  group: ['prom-client', 'fastify', '**/http/**'],
  message: 'The core reports through the Metrics interface; the HTTP listener and Prometheus stay in src/http.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

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
    files: ['commands/**/*.ts', 'src/core/**/*.ts'],
    rules: restrict(platforms, services, http),
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      platforms,
      services,
      http,
      layer('The core does not know the commands; app.ts hands them over.', 'commands'),
    ),
  },
  {
    files: ['src/content/**/*.ts'],
    rules: restrict(
      platforms,
      services,
      http,
      layer(
        'Content is read by the core, never the other way round; shared pieces live in src/shared.',
        'core',
        'commands',
      ),
    ),
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict({
      group: ['../**', '**/src/**', ...PLATFORM_LIBRARIES],
      message: 'src/shared imports nothing of ours.',
    }),
  },
);
