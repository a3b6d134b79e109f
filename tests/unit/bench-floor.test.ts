// The benchmark's stand-ins for the content script: each must replace what it says it
// replaces in a copy, and leave the measured build itself alone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { floorVariants, makeFloorBuild } from '../../scripts/lib/bench-floor';
import { CONTENT_MAIN_FILE } from '../../src/content/module-files';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ss-floor-test-'));
  dirs.push(dir);
  return dir;
}

/** A built extension's bare bones: a manifest naming `boot`, and the files given. */
function fakeBuild(boot: string, files: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ content_scripts: [{ js: [boot] }] }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const BOOT = 'src/content/boot-module.js';
const MODULE_BOOT = `(function(){var e=\`${CONTENT_MAIN_FILE}\`;import(chrome.runtime.getURL(e)).then(m=>m.start())})();`;
const MAIN = 'export function start(){ document.title = "scanned"; }';

describe('stand-ins for the content script', () => {
  it("a module build gets three, the last importing an empty module through the build's own script", () => {
    const built = fakeBuild(BOOT, { [BOOT]: MODULE_BOOT, [CONTENT_MAIN_FILE]: MAIN });
    const variants = floorVariants(built);
    expect(variants).toHaveLength(3);
    const copies = variants.map((v) => makeFloorBuild(built, tempDir(), v));
    expect(readFileSync(join(copies[0], BOOT), 'utf8')).not.toContain('chrome');
    expect(readFileSync(join(copies[1], BOOT), 'utf8')).toContain('runtime.getURL');
    expect(readFileSync(join(copies[1], BOOT), 'utf8')).not.toContain('import(');
    expect(readFileSync(join(copies[2], BOOT), 'utf8')).toBe(MODULE_BOOT);
    expect(readFileSync(join(copies[2], CONTENT_MAIN_FILE), 'utf8')).not.toContain('document');
    expect(readFileSync(join(copies[2], CONTENT_MAIN_FILE), 'utf8')).toContain('export function start');
    // The measured build is untouched.
    expect(readFileSync(join(built, BOOT), 'utf8')).toBe(MODULE_BOOT);
    expect(readFileSync(join(built, CONTENT_MAIN_FILE), 'utf8')).toBe(MAIN);
  });

  it('a bundled build (Firefox) gets no module stand-in', () => {
    const built = fakeBuild('src/content/boot-bundled.js', { 'src/content/boot-bundled.js': 'start();' });
    expect(floorVariants(built).map((v) => v.label)).toHaveLength(2);
  });

  it('a build naming no content script is refused, not measured as nothing', () => {
    const built = fakeBuild(BOOT, {});
    writeFileSync(join(built, 'manifest.json'), JSON.stringify({}));
    expect(() => floorVariants(built)).toThrow(/no content script/);
  });
});
