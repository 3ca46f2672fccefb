import { defineConfig } from 'vitest/config';

// The unit tests that exercise the mutated files (see stryker.config.json); the e2e suites drive
// whole programs over sockets and are too slow to repeat for every mutant.
export default defineConfig({
  test: {
    include: [
      'test/core/**/*.test.ts',
      'test/fanout/**/*.test.ts',
      'test/commands/**/*.test.ts',
      'test/adapters/**/*.test.ts',
    ],
    // Throughput runs: minutes per mutant, and what they measure belongs to the bench.
    exclude: ['test/fanout/thousand-chats.test.ts', 'test/fanout/telegram-rate-limit.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
