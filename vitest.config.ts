import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Chromium for the console's browser tests is installed when missing (Debian, as root).
    // One PostgreSQL server per run (or TEST_DATABASE_URL); each test file makes its own database.
    globalSetup: ['test/setup/postgres.ts', 'test/setup/chromium.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
