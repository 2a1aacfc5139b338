import { defineConfig } from 'vitest/config';

// Vitest projects. The widget's production build lives in widget/build.ts.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // Real SQLite files and real HTTP: on a shared 2-core machine a story can take seconds.
          testTimeout: 20_000,
          include: ['shared/test/**/*.test.ts', 'server/test/**/*.test.ts', 'demo-shop/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'widget',
          environment: 'happy-dom',
          include: ['widget/test/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
