import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

// Three projects, fastest first:
//  - `unit`: pure core, data, CLI, components in a DOM implementation (linkedom), in Node;
//  - `browser`: DOM modules in real Chromium and Firefox (*.browser.test.ts next to the
//    module they test): layout, visibility, highlight painting and mutation observers, which
//    a DOM implementation without a renderer cannot show;
//  - `e2e`: the built extension in real Chromium and Firefox; slow, run serially.
// The browsers are Debian's (scripts/setup-machine.sh installs them): Chromium over CDP and
// Firefox ESR over WebDriver BiDi (playwright's 'moz-firefox' channel). Nothing downloads a
// browser build.
// As in scripts/lib/harness/browsers.ts (not imported: the config loader wants no
// extensionless relative imports).
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
        },
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      },
      {
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.ts'],
          testTimeout: 15_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [
              {
                browser: 'chromium',
                provider: playwright({
                  launchOptions: { executablePath: CHROMIUM_PATH },
                }),
              },
              {
                browser: 'firefox',
                provider: playwright({
                  launchOptions: { channel: 'moz-firefox', executablePath: FIREFOX_PATH },
                }),
              },
            ],
          },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
