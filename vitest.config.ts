import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous: end-to-end tests spawn the CLI, and a loaded 2-core CI machine is slow. Speed lives in bench/.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
