// How the Chromium build ships the content script proper (src/content/main.ts, imported as a
// module by boot-module.ts): with V8's compile hint as its first line, so its functions are
// compiled with the file instead of one by one on the page's main thread as each is first
// called (docs/performance.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureLocalBuild } from '../../scripts/lib/harness/build';
import { COMPILE_ALL_ON_LOAD } from '../../scripts/vite-content-modules';
import { CONTENT_MAIN_FILE } from '../../src/content/module-files';

const firstLine = (path: string): string => readFileSync(path, 'utf8').split('\n', 1)[0];

describe('the Chromium content script', () => {
  const dir = ensureLocalBuild('chrome');

  it('starts with the compile hint', () => {
    expect(firstLine(join(dir, CONTENT_MAIN_FILE))).toBe(COMPILE_ALL_ON_LOAD);
  });
});
