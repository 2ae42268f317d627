import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Three projects:
 * - unit: pure logic, fake AMI servers for framing edge cases, DOM tests (happy-dom per file);
 * - integration: the real MariaDB, Asterisk 22 and sipp started once by the harness;
 * - e2e: real Chromium with the built extension, on top of the same harness.
 * Integration and e2e share one global setup so the services start once per run.
 */
export default defineConfig({
  define: {
    'import.meta.env.BROWSER': JSON.stringify(process.env.TARGET_BROWSER ?? 'chrome'),
  },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // A generous functional deadline: unit tests share the machine with
          // browser and PBX runs, and the 5 s default failed tests whose own
          // waits allow 10 s.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
